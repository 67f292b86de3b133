/**
 * `tactful eval [--data DIR] [--json] [--only NAME,...] [--check] [--errors N] [--pack DIR]`
 *
 * Measures the rule pack on the public labelled sets against VADER, AFINN and obscenity. The data
 * is read at run time from DIR (default ../shared/eval/public-dev next to the repo) and never
 * stored; when it is absent the eval says so and exits 0. The eval is a report: exit 0, unless
 * --check is given and a target is missed (exit 1).
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { createAnalyzer } from '../../engine';
import { parseArgs, UsageError } from '../args';
import { DEFAULT_PACK_DIR, loadPackDir } from '../pack-files';
import { dataDirExists, DEFAULT_DATA_DIR } from './datasets';
import { evaluateTask, type TaskResult } from './evaluate';
import { createPeers } from './peers';
import { detailTable, errorsText, metricsTable, timingTable, warningsText } from './report';
import { TASKS } from './tasks';

export { TASKS } from './tasks';

function selectTasks(only: string | true | undefined) {
  if (only === undefined) return [...TASKS];
  if (only === true) throw new UsageError('--only needs a comma-separated list of task names');
  const names = only.split(',').map((s) => s.trim()).filter(Boolean);
  const known = new Set(TASKS.map((t) => t.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) throw new UsageError(`unknown task ${unknown.join(', ')} (tasks: ${[...known].join(', ')})`);
  return TASKS.filter((t) => names.includes(t.name));
}

function errorCount(value: string | true | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (value === true || !Number.isInteger(n) || n < 0) throw new UsageError('--errors needs a whole number, e.g. --errors 10');
  return n;
}

export async function runEval(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['data', 'only', 'errors', 'pack'], ['json', 'check']);
  if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}" (use --data DIR)`);
  const json = args.options.has('json');
  const check = args.options.has('check');
  const errors = errorCount(args.options.get('errors'));
  const tasks = selectTasks(args.options.get('only'));
  const dataOpt = args.options.get('data');
  if (dataOpt === true) throw new UsageError('--data needs a folder');
  const dataDir = dataOpt === undefined ? DEFAULT_DATA_DIR : resolve(dataOpt);
  const packOpt = args.options.get('pack');
  const packDir = typeof packOpt === 'string' ? resolve(packOpt) : DEFAULT_PACK_DIR;

  if (!dataDirExists(dataDir)) {
    const reason = `no evaluation data at ${dataDir}; eval skipped (pass --data DIR to point at the public-dev folder)`;
    if (json) process.stdout.write(`${JSON.stringify({ skipped: true, reason, data: dataDir })}\n`);
    else process.stdout.write(`tactful eval: ${reason}\n`);
    return 0;
  }

  const started = performance.now();
  const pack = loadPackDir(packDir);
  const analyzer = createAnalyzer(pack);
  const peers = createPeers();
  const results: TaskResult[] = tasks.map((task) => evaluateTask(task, { dataDir, analyzer, peers, errors }));
  const total_ms = Math.round(performance.now() - started);

  const metrics = results.flatMap((t) => t.metrics);
  const missed = metrics.filter((m) => m.pass === false).map((m) => `${m.task}.${m.key}`);
  const withTarget = metrics.filter((m) => m.target !== null).length;
  const warnings = warningsText(results);

  if (json) {
    const table = metrics.map((m) => ({
      task: m.task, key: m.key, label: m.label, metric: m.metric, n: m.n,
      tactful: m.tactful, vader: m.peers.vader ?? null, afinn: m.peers.afinn ?? null, obscenity: m.peers.obscenity ?? null,
      target: m.target, pass: m.pass,
    }));
    const taskInfo = results.map(({ metrics: ms, ...t }) => ({ ...t, detail: Object.fromEntries(ms.filter((m) => m.detail).map((m) => [m.key, m.detail])) }));
    const out = {
      skipped: false,
      data: dataDir,
      pack: { id: pack.meta.id, version: pack.meta.version, rules: pack.rules.length, fingerprint: pack.fingerprint },
      table,
      tasks: taskInfo,
      targets: { total: withTarget, met: withTarget - missed.length, missed },
      warnings,
      total_ms,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    // Examples carry dataset text: keep them out of the JSON (which is often saved), on stderr only.
    if (errors > 0) process.stderr.write(`${errorsText(results)}\n`);
  } else {
    const o: string[] = [];
    o.push(`tactful eval · pack ${pack.meta.id} ${pack.meta.version} (${pack.rules.length} rules) · data ${dataDir}`);
    o.push('');
    o.push(metricsTable(results));
    o.push('');
    o.push(`targets met: ${withTarget - missed.length}/${withTarget}${missed.length ? ` (missed: ${missed.join(', ')})` : ''}`);
    o.push('');
    o.push('Tactful per class (binary tasks):');
    o.push(detailTable(results));
    o.push('');
    o.push('timing:');
    o.push(timingTable(results));
    o.push(`total ${total_ms} ms`);
    for (const w of warnings) o.push(`warning: ${w}`);
    if (errors > 0) o.push(errorsText(results));
    process.stdout.write(`${o.join('\n')}\n`);
  }
  return check && missed.length > 0 ? 1 : 0;
}
