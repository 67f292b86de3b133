/**
 * Scores the real draft coach against the independent, hand-labelled set in
 * tests/fixtures/drafts/drafts.yaml: per-kind precision/recall/F1 over items, and the macro-F1 over
 * all kinds. Prints a table and every mismatching item, then asserts the macro-F1 reached.
 * The issue's target is 0.85; the coach rules were tuned on the dev half of this set (id hash,
 * see tests/fixtures/drafts/report.ts) and then broadened from general support writing, so this
 * guards the level reached (measured 2026-12-02: 0.957 over all items, dev 0.963, test 0.956)
 * against regressions, with a margin. Raise it as rules improve.
 */
import { describe, expect, it } from 'vitest';
import { loadPackDir } from '../../src/cli/pack-files';
import { coach, createAnalyzer } from '../../src/engine';
import { DRAFT_ISSUE_KINDS, loadDraftFixtures, type DraftIssueKind } from '../fixtures/drafts/load';

const TARGET_MACRO_F1 = 0.85;
const MIN_MACRO_F1 = 0.94;

export interface KindScore {
  kind: DraftIssueKind;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Per-kind scores from (expected, predicted) kind sets, one pair per item. A kind nobody labelled
 * and nothing predicted scores 1 (nothing to get wrong); otherwise an empty denominator scores 0.
 */
export function scoreKinds(pairs: readonly { expected: ReadonlySet<string>; predicted: ReadonlySet<string> }[]): KindScore[] {
  return DRAFT_ISSUE_KINDS.map((kind) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { expected, predicted } of pairs) {
      const e = expected.has(kind);
      const p = predicted.has(kind);
      if (e && p) tp++;
      else if (p) fp++;
      else if (e) fn++;
    }
    const perfect = tp + fp + fn === 0;
    const precision = perfect ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = perfect ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = perfect ? 1 : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { kind, tp, fp, fn, precision, recall, f1 };
  });
}

export const macroF1 = (scores: readonly KindScore[]): number => scores.reduce((s, k) => s + k.f1, 0) / scores.length;

describe('scoreKinds', () => {
  it('computes precision, recall and F1 per kind', () => {
    const set = (...k: string[]) => new Set(k);
    const scores = scoreKinds([
      { expected: set('blame'), predicted: set('blame') },
      { expected: set('blame', 'jargon'), predicted: set('condescension') },
      { expected: set(), predicted: set('blame') },
    ]);
    const blame = scores.find((s) => s.kind === 'blame')!;
    expect([blame.tp, blame.fp, blame.fn]).toEqual([1, 1, 1]);
    expect(blame.f1).toBeCloseTo(0.5);
    expect(scores.find((s) => s.kind === 'jargon')!.f1).toBe(0);
    expect(scores.find((s) => s.kind === 'condescension')!.f1).toBe(0);
    expect(scores.find((s) => s.kind === 'overpromise')!.f1).toBe(1);
  });
});

describe('draft coach against the hand-labelled fixtures', () => {
  it(`keeps macro-F1 >= ${MIN_MACRO_F1} (target ${TARGET_MACRO_F1})`, { timeout: 60_000 }, () => {
    const items = loadDraftFixtures();
    const pack = loadPackDir();
    const analyzer = createAnalyzer(pack);

    const known = new Set<string>(DRAFT_ISSUE_KINDS);
    const results = items.map((item) => {
      const customer = analyzer.analyzeText(item.customer);
      const issues = coach(item.draft, customer, pack);
      const predicted = new Set<string>(issues.map((i) => i.kind));
      return { item, expected: new Set<string>(item.issues), predicted };
    });

    const scores = scoreKinds(results);
    const macro = macroF1(scores);
    const pct = (x: number) => x.toFixed(2).padStart(5);
    const table = [
      `${'kind'.padEnd(14)} ${'TP'.padStart(3)} ${'FP'.padStart(3)} ${'FN'.padStart(3)}  prec.  rec.    F1`,
      ...scores.map((s) => `${s.kind.padEnd(14)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}  ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`),
      `macro-F1 over ${scores.length} kinds: ${macro.toFixed(3)} (items: ${items.length}, exactly right: ${results.filter((r) => sameSet(r.expected, r.predicted)).length})`,
    ];
    console.log(`Draft coach vs drafts.yaml\n${table.join('\n')}`);

    const mismatches = results
      .filter((r) => !sameSet(r.expected, r.predicted))
      .map(({ item, expected, predicted }) => {
        const missed = [...expected].filter((k) => !predicted.has(k));
        const extra = [...predicted].filter((k) => !expected.has(k));
        const unknown = extra.filter((k) => !known.has(k));
        return `${item.id}: expected [${[...expected].join(', ')}] got [${[...predicted].join(', ')}]` +
          (missed.length ? `; missed ${missed.join(', ')}` : '') +
          (extra.length ? `; extra ${extra.join(', ')}` : '') +
          (unknown.length ? ` (not a coach kind: ${unknown.join(', ')})` : '');
      });
    if (mismatches.length) console.log(`Mismatches (${mismatches.length}):\n${mismatches.join('\n')}`);

    expect(macro).toBeGreaterThanOrEqual(MIN_MACRO_F1);
  });
});

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
