/** Evaluation metrics: binary confusion counts, per-class precision/recall/F1, macro-F1, Spearman. */

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** Gold rows of this class. */
  support: number;
}

export interface BinaryReport {
  confusion: Confusion;
  positive: ClassScores;
  negative: ClassScores;
  /** Mean of the positive-class and negative-class F1. */
  macroF1: number;
  accuracy: number;
  n: number;
}

export function confusion(predicted: readonly boolean[], gold: readonly boolean[]): Confusion {
  if (predicted.length !== gold.length) throw new Error(`confusion: ${predicted.length} predictions for ${gold.length} labels`);
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i]) {
      if (gold[i]) c.tp++;
      else c.fp++;
    } else if (gold[i]) c.fn++;
    else c.tn++;
  }
  return c;
}

/** A ratio that is 0 when the denominator is 0 (scikit-learn's zero_division=0). */
const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

function classScores(tp: number, fp: number, fn: number): ClassScores {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support: tp + fn };
}

export function binaryReport(predicted: readonly boolean[], gold: readonly boolean[]): BinaryReport {
  const c = confusion(predicted, gold);
  const positive = classScores(c.tp, c.fp, c.fn);
  // The negative class is scored with the roles swapped: a true negative is its "true positive".
  const negative = classScores(c.tn, c.fn, c.fp);
  const n = c.tp + c.fp + c.fn + c.tn;
  return { confusion: c, positive, negative, macroF1: (positive.f1 + negative.f1) / 2, accuracy: ratio(c.tp + c.tn, n), n };
}

export function macroF1(predicted: readonly boolean[], gold: readonly boolean[]): number {
  return binaryReport(predicted, gold).macroF1;
}

/** Fraction of the flags that are true (recall on positive rows, false-positive rate on negative rows). */
export function rate(flags: readonly boolean[]): number {
  let k = 0;
  for (const f of flags) if (f) k++;
  return ratio(k, flags.length);
}

/** 1-based ranks, tied values sharing the average of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]![0] === order[start]![0]) end++;
    const rank = (start + 1 + end) / 2; // mean of ranks start+1 .. end
    for (let k = start; k < end; k++) ranks[order[k]![1]] = rank;
    start = end;
  }
  return ranks;
}

/** Pearson correlation; null when either side is constant (the correlation is undefined). */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new Error(`pearson: ${x.length} vs ${y.length} values`);
  const n = x.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman rank correlation: Pearson on average ranks (handles ties). Null when a side is constant. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.some((v) => !Number.isFinite(v)) || y.some((v) => !Number.isFinite(v))) throw new Error('spearman: non-finite value');
  return pearson(averageRanks(x), averageRanks(y));
}
