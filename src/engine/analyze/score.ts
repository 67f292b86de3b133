/** From cues to the judgements a support lead makes: score, complaint, frustration, categories. */
import type { CompiledPack } from '../compile/compiled';
import type { CategoryScore, Cue, ScoringSettings } from '../types';
import { TRIGGER_CATEGORIES, type TriggerCategory } from '../vocabulary';

/** A rule counts at most this many times in one message. */
const MAX_HITS_PER_RULE = 3;
/** Intensifiers with nothing to intensify still count a little (a message in capitals alone). */
const LONE_AMPLIFIER_SHARE = 0.25;

export interface MessageScore {
  score: number;
  complaint: boolean;
  frustration: 0 | 1 | 2 | 3 | 4;
  categories: CategoryScore[];
  boundary: boolean;
  profanity: boolean;
}

export function evidence(cues: Cue[], pack: CompiledPack): number {
  const hitsByRule = new Map<string, number>();
  let positive = 0;
  let negative = 0;
  let amplify = 0;
  for (const cue of cues) {
    const n = hitsByRule.get(cue.ruleId) ?? 0;
    if (n >= MAX_HITS_PER_RULE) continue;
    hitsByRule.set(cue.ruleId, n + 1);
    const share = n === 0 ? 1 : pack.scoring.repeatFactor;
    const rule = pack.byId.get(cue.ruleId);
    if (rule?.effect === 'amplify') amplify += cue.weight * share;
    else if (cue.weight >= 0) positive += cue.weight * share;
    else negative += cue.weight * share;
  }
  return positive > 0 ? positive * (1 + amplify) + negative : amplify * LONE_AMPLIFIER_SHARE + negative;
}

export function frustrationLevel(score: number, s: ScoringSettings): 0 | 1 | 2 | 3 | 4 {
  let level = 0;
  for (const t of s.frustrationThresholds) if (score >= t) level++;
  return level as 0 | 1 | 2 | 3 | 4;
}

export function categoryScores(cues: Cue[]): CategoryScore[] {
  const keep = new Map<TriggerCategory, number>();
  for (const cue of cues) {
    if (!(TRIGGER_CATEGORIES as readonly string[]).includes(cue.category) || cue.weight <= 0) continue;
    const c = cue.category as TriggerCategory;
    keep.set(c, (keep.get(c) ?? 1) * (1 - Math.min(cue.weight, 0.95)));
  }
  return [...keep.entries()]
    .map(([category, miss]) => ({ category, confidence: round(1 - miss) }))
    .sort((a, b) => b.confidence - a.confidence || a.category.localeCompare(b.category));
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function scoreMessage(cues: Cue[], pack: CompiledPack): MessageScore {
  const raw = evidence(cues, pack);
  const score = round(1 - Math.exp(-Math.max(raw, 0) / pack.scoring.scale));
  return {
    score,
    complaint: score >= pack.scoring.complaintThreshold,
    frustration: frustrationLevel(score, pack.scoring),
    categories: categoryScores(cues),
    boundary: cues.some((c) => c.boundary === true),
    profanity: cues.some((c) => pack.byId.get(c.ruleId)?.profanity === true),
  };
}
