/** `tactful rules lint [DIR]` and `tactful rules test [DIR]`: file:line on every problem. */
import { formatPackError, runExamples } from '../engine';
import { parseArgs, UsageError } from './args';
import { compilePackDir, DEFAULT_PACK_DIR } from './pack-files';

export async function runRules(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'pack') return (await import('./pack')).runPack(rest);
  if (sub !== 'lint' && sub !== 'test') throw new UsageError('usage: tactful rules lint|test [DIR] [--rule ID]');
  const args = parseArgs(rest, ['rule'], ['quiet']);
  const dir = args.positionals[0] ?? DEFAULT_PACK_DIR;
  const result = compilePackDir(dir);
  for (const w of result.warnings) process.stderr.write(`${formatPackError(w)}\n`);
  if (!result.ok) {
    for (const e of result.errors) process.stdout.write(`${formatPackError(e)}\n`);
    process.stdout.write(`\n${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; the pack was not loaded.\n`);
    return 1;
  }
  const { pack } = result;
  if (sub === 'lint') {
    process.stdout.write(`${pack.meta.id} ${pack.meta.version}: ${pack.rules.length} rules in ${pack.files.length} files, no errors${result.warnings.length > 0 ? `, ${result.warnings.length} warnings` : ''}.\n`);
    return 0;
  }
  const only = args.options.get('rule');
  const report = runExamples(pack, typeof only === 'string' ? only : undefined);
  if (typeof only === 'string' && report.rules === 0) throw new UsageError(`no rule with id ${only}`);
  for (const f of report.failures) process.stdout.write(`${f.file}:${f.line}:${f.column}: ${f.kind} example failed [${f.ruleId}]: ${f.message}\n    ${JSON.stringify(f.text.length > 160 ? `${f.text.slice(0, 160)}...` : f.text)}\n`);
  const passed = report.examples - report.failures.length;
  process.stdout.write(`${report.rules} rules, ${report.examples} examples: ${passed} passed, ${report.failures.length} failed\n`);
  return report.failures.length > 0 ? 1 : 0;
}
