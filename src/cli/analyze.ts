/** `tactful analyze [FILE|-] [--format text|json|jsonl] [--pack DIR]` */
import { createAnalyzer, suggest, type Analyzer, type SuggestOptions } from '../engine';
import { oneOf, parseArgs, UsageError } from './args';
import { analyzeRecord, parseContractInput } from './contract';
import { readAllText, readLines, writeOut } from './io';
import { loadPackDir } from './pack-files';
import { formatTextReport } from './report';

const FORMATS = ['text', 'json', 'jsonl'] as const;
export const MAX_JSONL_LINE_CHARS = 2 * 1024 * 1024;

function looksLikeJsonl(source: string, explicit: boolean): boolean {
  return !explicit && /\.(jsonl|ndjson)$/i.test(source);
}

/** Analyse JSONL records in order; a bad line gives an error record, never a crash. */
export async function analyzeJsonl(source: string, analyzer: Analyzer, options: SuggestOptions = {}): Promise<{ ok: number; bad: number }> {
  let ok = 0;
  let bad = 0;
  let lineNo = 0;
  for await (const line of readLines(source)) {
    lineNo++;
    if (line.trim() === '') continue;
    let record: string;
    const fail = (id: string, error: string) => {
      bad++;
      process.stderr.write(`line ${lineNo}: ${error}\n`);
      return JSON.stringify({ id, error: `line ${lineNo}: ${error}` });
    };
    if (line.length > MAX_JSONL_LINE_CHARS) record = fail(`line:${lineNo}`, `line is longer than ${MAX_JSONL_LINE_CHARS / 1024 / 1024} MB`);
    else {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = undefined;
      }
      const input = value === undefined ? 'not valid JSON' : parseContractInput(value);
      if (typeof input === 'string') {
        const id = (value as { id?: unknown } | undefined)?.id;
        record = fail(typeof id === 'string' || typeof id === 'number' ? String(id) : `line:${lineNo}`, input);
      } else {
        record = JSON.stringify(analyzeRecord(input, analyzer, options));
        ok++;
      }
    }
    await writeOut(`${record}\n`);
  }
  return { ok, bad };
}

export async function runAnalyze(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['format', 'pack', 'tone', 'channel'], []);
  const source = args.positionals[0] ?? '-';
  if (args.positionals.length > 1) throw new UsageError('analyze takes one FILE (or - for standard input)');
  const explicit = args.options.has('format');
  const format = looksLikeJsonl(source, explicit) ? 'jsonl' : oneOf(args.options.get('format'), FORMATS, 'format', 'text');
  const packDir = args.options.get('pack');
  const pack = loadPackDir(typeof packDir === 'string' ? packDir : undefined);
  const analyzer = createAnalyzer(pack);
  const options: SuggestOptions = {
    tone: oneOf(args.options.get('tone'), ['warm', 'formal', 'concise'] as const, 'tone', 'warm'),
    channel: oneOf(args.options.get('channel'), ['email', 'chat'] as const, 'channel', 'email'),
  };

  if (format === 'jsonl') {
    const { bad } = await analyzeJsonl(source, analyzer, options);
    return bad > 0 ? 1 : 0;
  }
  const text = await readAllText(source);
  const messages = [{ role: 'customer' as const, text }];
  const thread = analyzer.analyze(messages);
  const steps = suggest(thread, pack, messages, options);
  if (format === 'json') {
    const record = analyzeRecord({ id: source, text }, analyzer, options);
    const disabledRules = thread.disabledRules ? { disabledRules: thread.disabledRules } : {};
    await writeOut(`${JSON.stringify({ ...record, analysis: thread.latest, playbook: steps, ...disabledRules }, null, 2)}\n`);
  } else {
    await writeOut(`${formatTextReport(text, thread, pack, steps)}\n`);
  }
  return 0;
}
