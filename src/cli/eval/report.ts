/** Plain-text rendering of eval results: one table of metrics, a timing table, details, errors. */
import type { MetricResult, TaskResult } from './evaluate';

export type Align = 'left' | 'right';

/** A fixed-width text table; `align` per column (default left). */
export function formatTable(headers: string[], rows: string[][], align: Align[] = []): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const cell = (s: string, c: number) => (align[c] === 'right' ? s.padStart(widths[c]!) : s.padEnd(widths[c]!));
  const line = (r: string[]) => r.map((s, c) => cell(s ?? '', c)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const fmt = (v: number | null | undefined, digits = 3): string =>
  v === undefined ? '—' : v === null ? 'n/a' : v.toFixed(digits);

const passCell = (m: MetricResult): string => (m.pass === null ? '—' : m.pass ? 'pass' : 'MISS');

const lowerIsBetter = (m: MetricResult) => m.metric === 'FP rate';

export function metricsTable(tasks: TaskResult[]): string {
  const rows: string[][] = [];
  for (const t of tasks) {
    if (t.status === 'missing') {
      rows.push([t.task, '(file missing)', '', '', '', '', '', '', '', '']);
      continue;
    }
    for (const m of t.metrics) {
      rows.push([
        t.task,
        m.label,
        lowerIsBetter(m) ? `${m.metric} ↓` : m.metric,
        String(m.n),
        fmt(m.tactful),
        fmt(m.peers.vader),
        fmt(m.peers.afinn),
        fmt(m.peers.obscenity),
        m.target === null ? '—' : m.target.toFixed(2),
        passCell(m),
      ]);
    }
  }
  return formatTable(
    ['task', 'label ~ Tactful', 'metric', 'n', 'Tactful', 'VADER', 'AFINN', 'obscenity', 'target', 'pass'],
    rows,
    ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
}

export function timingTable(tasks: TaskResult[]): string {
  const ms = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(0));
  const rows = tasks
    .filter((t) => t.status === 'ok')
    .map((t) => [
      t.task,
      String(t.rows),
      ms(t.timing.load_ms),
      ms(t.timing.tactful_ms),
      t.rows ? ((t.timing.tactful_ms * 1000) / t.rows).toFixed(0) : '—',
      ms(t.timing.vader_ms),
      ms(t.timing.afinn_ms),
      ms(t.timing.obscenity_ms),
    ]);
  return formatTable(
    ['task', 'rows', 'read ms', 'Tactful ms', 'µs/row', 'VADER ms', 'AFINN ms', 'obscenity ms'],
    rows,
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
}

/** Tactful's per-class precision/recall and confusion counts for each binary metric. */
export function detailTable(tasks: TaskResult[]): string {
  const rows: string[][] = [];
  for (const t of tasks)
    for (const m of t.metrics) {
      const d = m.detail;
      if (!d) continue;
      const c = d.confusion;
      rows.push([
        t.task,
        m.key,
        fmt(d.positive.precision),
        fmt(d.positive.recall),
        fmt(d.positive.f1),
        fmt(d.negative.precision),
        fmt(d.negative.recall),
        fmt(d.negative.f1),
        `${c.tp}/${c.fp}/${c.fn}/${c.tn}`,
      ]);
    }
  return formatTable(
    ['task', 'label', 'P(pos)', 'R(pos)', 'F1(pos)', 'P(neg)', 'R(neg)', 'F1(neg)', 'TP/FP/FN/TN'],
    rows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
}

/** --errors output: printed to the terminal only, never written to files. */
export function errorsText(tasks: TaskResult[]): string {
  const out: string[] = [];
  for (const t of tasks)
    for (const m of t.metrics) {
      if (!m.errors) continue;
      for (const [kind, list] of [['false positives', m.errors.fp], ['false negatives', m.errors.fn]] as const) {
        if (list.length === 0) continue;
        out.push(`\n== ${t.task} · ${m.label} · ${kind} (${list.length})`);
        for (const e of list) {
          out.push(`  ${e.id}: ${e.text}`);
          out.push(`      cues: ${e.cues.length ? e.cues.join(', ') : '(none)'}`);
        }
      }
    }
  return out.join('\n');
}

export function warningsText(tasks: TaskResult[]): string[] {
  const out: string[] = [];
  for (const t of tasks) {
    if (t.status === 'missing') out.push(`${t.task}: file missing, task skipped`);
    if (t.skippedLines) out.push(`${t.task}: ${t.skippedLines} unreadable line(s) skipped`);
    if (t.engineErrors) out.push(`${t.task}: the engine threw on ${t.engineErrors} row(s) (left out), e.g. ${t.engineErrorIds.join(', ')}`);
  }
  return out;
}
