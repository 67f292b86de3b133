/** Timing helpers for the bench: warm up, run, summarise as median and p95. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  p50: number;
  p95: number;
  min: number;
  n: number;
}

/** Nearest-rank percentile of ascending-sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), min: sorted[0] ?? NaN, n: sorted.length };
}

export interface MeasureOptions {
  warmup: number;
  iterations: number;
  /** Stop measuring early once this much time has been spent (at least 3 samples are kept). */
  budgetMs: number;
}

/**
 * Time `run(i)` once per iteration after `warmup` untimed calls. `setup(i)` runs untimed before
 * each call and its result is passed to `run`.
 */
export function measure<T>(opts: MeasureOptions, setup: (i: number) => T, run: (input: T, i: number) => unknown): Timing {
  let sink: unknown;
  for (let i = 0; i < opts.warmup; i++) sink = run(setup(-1 - i), -1 - i);
  const samples: number[] = [];
  const deadline = performance.now() + opts.budgetMs;
  for (let i = 0; i < opts.iterations; i++) {
    const input = setup(i);
    const t = performance.now();
    sink = run(input, i);
    samples.push(performance.now() - t);
    if (samples.length >= 3 && performance.now() > deadline) break;
  }
  keep(sink);
  return summarise(samples);
}

let kept: unknown;
/** Keep a result reachable so the work cannot be optimised away. */
function keep(value: unknown): void {
  kept = value;
  if (kept === Symbol.for('never')) console.log(kept);
}
