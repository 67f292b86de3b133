import { describe, expect, it } from 'vitest';
import { averageRanks, binaryReport, confusion, macroF1, rate, spearman } from '../../src/cli/eval/metrics';

const T = true;
const F = false;

describe('binary metrics', () => {
  it('counts the confusion matrix', () => {
    expect(confusion([T, T, T, T, F, F], [T, T, F, F, T, F])).toEqual({ tp: 2, fp: 2, fn: 1, tn: 1 });
  });

  it('computes per-class precision/recall/F1 and macro-F1 on a hand-worked case', () => {
    // TP=2 FP=2 FN=1 TN=1
    // positive: P=2/4, R=2/3, F1=2PR/(P+R)=4/7; negative: P=TN/(TN+FN)=1/2, R=TN/(TN+FP)=1/3, F1=2/5
    const r = binaryReport([T, T, T, T, F, F], [T, T, F, F, T, F]);
    expect(r.positive.precision).toBeCloseTo(0.5, 12);
    expect(r.positive.recall).toBeCloseTo(2 / 3, 12);
    expect(r.positive.f1).toBeCloseTo(4 / 7, 12);
    expect(r.negative.precision).toBeCloseTo(0.5, 12);
    expect(r.negative.recall).toBeCloseTo(1 / 3, 12);
    expect(r.negative.f1).toBeCloseTo(2 / 5, 12);
    expect(r.macroF1).toBeCloseTo(17 / 35, 12);
    expect(r.positive.support).toBe(3);
    expect(r.negative.support).toBe(3);
    expect(r.accuracy).toBeCloseTo(3 / 6, 12);
  });

  it('treats 0/0 precision as 0 (a detector that never fires)', () => {
    // positive F1 = 0; negative: TN=2 FN=1 FP=0 -> P=2/3, R=1, F1=0.8
    expect(macroF1([F, F, F], [T, F, F])).toBeCloseTo(0.4, 12);
  });

  it('is 1 for a perfect detector and 0 for an always-wrong one', () => {
    expect(macroF1([T, F, T, F], [T, F, T, F])).toBe(1);
    expect(macroF1([F, T, F, T], [T, F, T, F])).toBe(0);
  });

  it('rejects mismatched lengths', () => {
    expect(() => confusion([T], [T, F])).toThrow();
  });

  it('rate is the fraction of true flags', () => {
    expect(rate([T, F, F, T])).toBe(0.5);
    expect(rate([])).toBe(0);
  });
});

describe('Spearman', () => {
  it('gives tied values the average of their ranks', () => {
    expect(averageRanks([10, 20, 20, 30, 20])).toEqual([1, 3, 3, 5, 3]);
    expect(averageRanks([2, 1])).toEqual([2, 1]);
  });

  it('matches a hand-computed value with ties on one side', () => {
    // ranks x = [1, 2.5, 2.5, 4], y = [1, 3, 2, 4]: Sxy = 4.5, Sxx = 4.5, Syy = 5 -> 4.5 / sqrt(22.5) = 3 / sqrt(10)
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(3 / Math.sqrt(10), 12);
  });

  it('matches a hand-computed value with ties on both sides', () => {
    // ranks x = [1.5, 1.5, 3, 4.5, 4.5], y = [3, 1.5, 1.5, 4, 5]: Sxy = 6.75, Sxx = 9, Syy = 9.5
    expect(spearman([1, 1, 2, 3, 3], [2, 1, 1, 3, 4])).toBeCloseTo(6.75 / Math.sqrt(9 * 9.5), 12);
  });

  it('is 1 for any increasing relation and -1 for a decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [1, 4, 9, 100])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [5, 3, 0, -7])).toBeCloseTo(-1, 12);
  });

  it('is undefined (null) when one side is constant', () => {
    expect(spearman([0, 0, 0], [1, 2, 3])).toBeNull();
    expect(spearman([1], [1])).toBeNull();
  });
});
