/** Running the task table: every row through the JSONL contract, the peers, then the metrics. */
import { performance } from 'node:perf_hooks';
import type { Analyzer } from '../../engine';
import { analyzeRecord, type ContractRecord } from '../contract';
import { readDataset, toContractInput, type EvalRow } from './datasets';
import { binaryReport, rate, spearman, type BinaryReport } from './metrics';
import type { PeerName, Peers } from './peers';
import { PEER_FLAG, peersOf, type MetricDef, type TaskDef } from './tasks';

/** Length at which an example's text is cut in --errors output. */
export const ERROR_TEXT_MAX = 160;

export interface ErrorExample {
  id: string;
  text: string;
  cues: string[];
}

export interface MetricResult {
  task: string;
  key: string;
  label: string;
  metric: 'macro-F1' | 'recall' | 'FP rate' | 'Spearman';
  /** Rows the metric was computed on. */
  n: number;
  tactful: number | null;
  peers: Partial<Record<PeerName, number | null>>;
  target: number | null;
  /** null when there is no target or no value. */
  pass: boolean | null;
  /** Tactful's confusion counts and per-class precision/recall (binary metrics). */
  detail?: BinaryReport;
  /** Up to N false positives and false negatives (with --errors N). */
  errors?: { fp: ErrorExample[]; fn: ErrorExample[] };
}

export interface TaskTiming {
  load_ms: number;
  tactful_ms: number;
  vader_ms?: number;
  afinn_ms?: number;
  obscenity_ms?: number;
}

export interface TaskResult {
  task: string;
  status: 'ok' | 'missing';
  rows: number;
  /** Lines of the file that were not usable rows. */
  skippedLines: number;
  /** Rows on which the engine threw (left out of every metric). */
  engineErrors: number;
  engineErrorIds: string[];
  timing: TaskTiming;
  metrics: MetricResult[];
}

export interface EvaluateOptions {
  dataDir: string;
  analyzer: Analyzer;
  peers: Peers;
  /** Examples per error kind to keep (0 = none). */
  errors?: number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const truncate = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

function example(row: EvalRow, record: ContractRecord): ErrorExample {
  return {
    id: row.id,
    text: truncate(oneLine(row.text), ERROR_TEXT_MAX),
    cues: record.cues.map((c) => `${c.ruleId}[${c.category}] "${truncate(oneLine(c.text), 40)}"`),
  };
}

/** Evaluate one task; a missing file gives status 'missing' and no metrics. */
export function evaluateTask(task: TaskDef, opts: EvaluateOptions): TaskResult {
  const t0 = performance.now();
  const dataset = readDataset(opts.dataDir, task.name);
  const load_ms = performance.now() - t0;
  if (!dataset) {
    return { task: task.name, status: 'missing', rows: 0, skippedLines: 0, engineErrors: 0, engineErrorIds: [], timing: { load_ms: round(load_ms), tactful_ms: 0 }, metrics: [] };
  }

  // Tactful, exactly as an external evaluator drives the JSONL contract.
  const t1 = performance.now();
  const records: Array<ContractRecord | null> = [];
  const engineErrorIds: string[] = [];
  for (const row of dataset.rows) {
    try {
      records.push(analyzeRecord(toContractInput(row), opts.analyzer));
    } catch {
      records.push(null);
      engineErrorIds.push(row.id);
    }
  }
  const timing: TaskTiming = { load_ms: round(load_ms), tactful_ms: round(performance.now() - t1) };

  // Peers: raw scores, one pass per peer so each is timed on its own.
  const raw: Partial<Record<PeerName, number[]>> = {};
  for (const peer of peersOf(task)) {
    const fn = opts.peers[peer];
    const t = performance.now();
    raw[peer] = dataset.rows.map((row) => fn(row.text));
    timing[`${peer}_ms`] = round(performance.now() - t);
  }

  const metrics = task.metrics.map((m) => computeMetric(task.name, m, dataset.rows, records, raw, opts.errors ?? 0));
  return {
    task: task.name,
    status: 'ok',
    rows: dataset.rows.length,
    skippedLines: dataset.skipped,
    engineErrors: engineErrorIds.length,
    engineErrorIds: engineErrorIds.slice(0, 5),
    timing,
    metrics,
  };
}

function passOf(value: number | null, target: number | undefined): boolean | null {
  if (target === undefined || value === null) return target === undefined ? null : false;
  return value >= target;
}

export function computeMetric(
  task: string,
  m: MetricDef,
  rows: readonly EvalRow[],
  records: ReadonlyArray<ContractRecord | null>,
  raw: Partial<Record<PeerName, number[]>>,
  errorCount: number,
): MetricResult {
  const base = { task, key: m.key, label: m.label, target: m.target ?? null };
  // Indices of rows the metric applies to (labelled, and analysed without an engine error).
  const idx: number[] = [];

  if (m.kind === 'binary') {
    const gold: boolean[] = [];
    for (let i = 0; i < rows.length; i++) {
      const g = m.gold(rows[i]!);
      if (g === undefined || !records[i]) continue;
      idx.push(i);
      gold.push(g);
    }
    const pred = idx.map((i) => m.tactful(records[i]!));
    const detail = binaryReport(pred, gold);
    const peers: MetricResult['peers'] = {};
    for (const p of m.peers) {
      const scores = raw[p];
      if (scores) peers[p] = binaryReport(idx.map((i) => PEER_FLAG[p](scores[i]!)), gold).macroF1;
    }
    const result: MetricResult = { ...base, metric: 'macro-F1', n: idx.length, tactful: detail.macroF1, peers, pass: passOf(detail.macroF1, m.target), detail };
    if (errorCount > 0) {
      const fp: ErrorExample[] = [];
      const fn: ErrorExample[] = [];
      idx.forEach((i, k) => {
        if (pred[k] && !gold[k] && fp.length < errorCount) fp.push(example(rows[i]!, records[i]!));
        if (!pred[k] && gold[k] && fn.length < errorCount) fn.push(example(rows[i]!, records[i]!));
      });
      result.errors = { fp, fn };
    }
    return result;
  }

  if (m.kind === 'rate') {
    for (let i = 0; i < rows.length; i++) if (records[i] && m.select(rows[i]!)) idx.push(i);
    const pred = idx.map((i) => m.tactful(records[i]!));
    const value = idx.length ? rate(pred) : null;
    const result: MetricResult = { ...base, metric: m.metric, n: idx.length, tactful: value, peers: {}, pass: passOf(value, m.target) };
    if (errorCount > 0) {
      const wrong = idx.filter((_, k) => pred[k] !== m.want).slice(0, errorCount).map((i) => example(rows[i]!, records[i]!));
      result.errors = m.want ? { fp: [], fn: wrong } : { fp: wrong, fn: [] };
    }
    return result;
  }

  const gold: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const g = m.gold(rows[i]!);
    if (g === undefined || !records[i]) continue;
    idx.push(i);
    gold.push(g);
  }
  const value = idx.length ? spearman(idx.map((i) => m.tactful(records[i]!)), gold) : null;
  const peers: MetricResult['peers'] = {};
  for (const [p, map] of Object.entries(m.peers) as Array<[PeerName, (raw: number) => number]>) {
    const scores = raw[p];
    if (scores && idx.length) peers[p] = spearman(idx.map((i) => map(scores[i]!)), gold);
  }
  return { ...base, metric: 'Spearman', n: idx.length, tactful: value, peers, pass: passOf(value, m.target) };
}
