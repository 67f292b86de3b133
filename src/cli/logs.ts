/**
 * `tactful logs report FILE...`: statistics over suggestion-log exports (NDJSON or CSV) from one
 * or several agents, merged and deduplicated by (agent, id), with the same numbers as the review page.
 */
import { parseArgs, oneOf, UsageError } from './args';
import { readFileSync } from 'node:fs';
import { checkFile, readAllText, writeOut } from './io';
import { mergeEvents, parseLog, type LineError } from '../shared/log-format';
import { computeStats, type LogStats, type StatsRow } from '../shared/log-stats';
import type { LogEvent } from '../shared/log';

const percent = (rate: number | null) => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`);

function table(title: string, rows: readonly StatsRow[]): string[] {
  const header = [title, 'shown', 'inserted', 'edited', 'dismissed', 'rated down', 'insert rate'];
  const body = rows.map((r) => [r.key, String(r.counts.shown), String(r.counts.inserted), String(r.counts.edited), String(r.counts.dismissed), String(r.counts.rated_down), percent(r.rates.insert)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...body.map(line), ...(body.length === 0 ? ['(none)'] : [])];
}

export function formatStatsText(stats: LogStats, summary: { files: number; duplicates: number; invalid: number }): string {
  const span = stats.first === undefined ? '' : `, ${new Date(stats.first).toISOString().slice(0, 10)} to ${new Date(stats.last!).toISOString().slice(0, 10)}`;
  return [
    `Suggestion log: ${stats.events} events from ${stats.agents} agent${stats.agents === 1 ? '' : 's'} in ${summary.files} file${summary.files === 1 ? '' : 's'}${span}`,
    `(${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'} merged, ${summary.invalid} invalid line${summary.invalid === 1 ? '' : 's'} skipped)`,
    '',
    ...table('category', stats.byCategory),
    '',
    ...table('rule', stats.byRule),
    '',
  ].join('\n');
}

export async function runLogs(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, ['format'], []);
  const [sub, ...files] = positionals;
  if (sub !== 'report') throw new UsageError(sub === undefined ? 'logs needs a subcommand: report' : `unknown logs subcommand "${sub}"`);
  if (files.length === 0) throw new UsageError('logs report needs at least one export file');
  const format = oneOf(options.get('format'), ['text', 'json'] as const, 'format', 'text');
  const lists: LogEvent[][] = [];
  const errors: Array<LineError & { file: string }> = [];
  for (const file of files) {
    // Exports of a big team outgrow readAllText's 16 MB cap for one message; files are read whole.
    const text = file === '-' ? await readAllText(file) : (checkFile(file), readFileSync(file, 'utf8'));
    const parsed = parseLog(text);
    lists.push(parsed.events);
    for (const e of parsed.errors) errors.push({ file, ...e });
  }
  for (const e of errors) process.stderr.write(`${e.file}:${e.line}: ${e.message}\n`);
  const { events, duplicates } = mergeEvents(lists);
  const stats = computeStats(events);
  const summary = { files: files.length, duplicates, invalid: errors.length };
  await writeOut(format === 'json' ? JSON.stringify({ ...summary, stats }, null, 2) + '\n' : formatStatsText(stats, summary));
  return errors.length > 0 ? 1 : 0;
}
