/** `tactful coach [FILE|-] [--format text|json|jsonl] [--customer FILE]`: check an agent's draft. */
import { coach, createAnalyzer, type CoachIssue } from '../engine';
import { oneOf, parseArgs, UsageError } from './args';
import { readAllText, readLines, writeOut } from './io';
import { loadPackDir } from './pack-files';

const FORMATS = ['text', 'json', 'jsonl'] as const;

/** The stable coach contract: offsets are UTF-16 positions in `draft` (0, 0: the draft as a whole). */
export function issueRecord(i: CoachIssue): { kind: string; start: number; end: number; text: string; advice: string; rewrite?: string } {
  return { kind: i.kind, start: i.start, end: i.end, text: i.text, advice: i.advice, ...(i.rewrite ? { rewrite: i.rewrite } : {}) };
}

function formatIssues(draft: string, issues: CoachIssue[]): string {
  if (issues.length === 0) return 'No issues: the draft reads well.';
  return issues
    .map((i, n) => {
      const where = i.end > i.start ? `"${draft.slice(i.start, i.end)}" (${i.start}-${i.end})` : 'the draft as a whole';
      return `${n + 1}. ${i.kind.replace('_', ' ')}: ${where}\n   ${i.advice}${i.rewrite ? `\n   try: ${i.rewrite}` : ''}`;
    })
    .join('\n');
}

export async function runCoach(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['format', 'pack', 'customer'], []);
  const source = args.positionals[0] ?? '-';
  if (args.positionals.length > 1) throw new UsageError('coach takes one FILE (or - for standard input)');
  const format = !args.options.has('format') && /\.(jsonl|ndjson)$/i.test(source) ? 'jsonl' : oneOf(args.options.get('format'), FORMATS, 'format', 'text');
  const packDir = args.options.get('pack');
  const pack = loadPackDir(typeof packDir === 'string' ? packDir : undefined);
  const analyzer = createAnalyzer(pack);

  if (format === 'jsonl') {
    let bad = 0;
    let lineNo = 0;
    for await (const line of readLines(source)) {
      lineNo++;
      if (line.trim() === '') continue;
      let value: { id?: unknown; customer?: unknown; draft?: unknown } | undefined;
      try {
        value = JSON.parse(line) as typeof value;
      } catch {
        value = undefined;
      }
      const id = typeof value?.id === 'string' || typeof value?.id === 'number' ? String(value.id) : `line:${lineNo}`;
      let out: unknown;
      if (!value || typeof value !== 'object') out = { id, error: `line ${lineNo}: not valid JSON` };
      else if (typeof value.draft !== 'string') out = { id, error: `line ${lineNo}: "draft" must be a string` };
      else if (value.customer !== undefined && typeof value.customer !== 'string') out = { id, error: `line ${lineNo}: "customer" must be a string` };
      else {
        const customer = typeof value.customer === 'string' ? analyzer.analyzeText(value.customer) : null;
        out = { id, issues: coach(value.draft, customer, pack).map(issueRecord) };
      }
      if ('error' in (out as object)) {
        bad++;
        process.stderr.write(`${(out as { error: string }).error}\n`);
      }
      await writeOut(`${JSON.stringify(out)}\n`);
    }
    return bad > 0 ? 1 : 0;
  }
  const draft = await readAllText(source);
  const customerFile = args.options.get('customer');
  const customer = typeof customerFile === 'string' ? analyzer.analyzeText(await readAllText(customerFile)) : null;
  const issues = coach(draft, customer, pack);
  if (format === 'json') await writeOut(`${JSON.stringify({ issues: issues.map(issueRecord) }, null, 2)}\n`);
  else await writeOut(`${formatIssues(draft, issues)}\n`);
  return 0;
}
