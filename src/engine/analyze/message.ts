/**
 * Analysis of one message: segment (quotes, signatures) -> tokenize -> match -> cancel by
 * exceptions and negation -> deduplicate -> score. Pure and deterministic.
 */
import type { CompiledPack, CompiledRule } from '../compile/compiled';
import { decodeEntitiesSameLength } from '../text/entities';
import { segmentMessage, type Range } from '../text/segment';
import { tokenize, type Token } from '../text/tokenize';
import type { CancelledCue, Cue, MessageAnalysis } from '../types';
import type { MessageRole } from '../vocabulary';
import type { RuleBudget } from './budget';
import { matchRegexes, matchSequences, NEGATORS, type Hit } from './match';
import { scoreMessage } from './score';

/** Longest text analysed; longer messages are analysed up to here (the rest is usually quoted). */
export const MAX_ANALYZED_CHARS = 200_000;
/** How many words before a cue a negation may stand. */
const NEGATION_WINDOW = 3;
/** Words that start a new clause: a negation before them does not reach past them. */
const CLAUSE_BREAKS = new Set(['but', 'however', 'although', 'though', 'yet', 'if', 'unless', 'because', 'since', 'until', 'otherwise', 'or']);
/** Negated praise ("not helpful") reads as dissatisfaction with this share of the praise's weight. */
const NEGATED_PRAISE_SHARE = 0.8;

/** The text regexes see: only active ranges, entities decoded, offsets unchanged. */
function regexView(text: string, active: Range[]): string {
  const decoded = decodeEntitiesSameLength(text);
  if (active.length === 1 && active[0]![0] === 0 && active[0]![1] === text.length) return decoded;
  let out = '';
  let at = 0;
  for (const [a, b] of active) {
    out += decoded.slice(at, a).replace(/[^\n]/g, ' ') + decoded.slice(a, b);
    at = b;
  }
  return out + decoded.slice(at).replace(/[^\n]/g, ' ');
}

/** A negation up to NEGATION_WINDOW words before the hit, in the same clause (no comma or clause word between). */
function negatorBefore(text: string, tokens: Token[], hit: Hit): Token | null {
  const first = tokens[hit.firstToken];
  if (!first) return null;
  for (let i = hit.firstToken - 1, n = 0; i >= 0 && n < NEGATION_WINDOW; i--, n++) {
    const t = tokens[i]!;
    if (t.sentence !== first.sentence || CLAUSE_BREAKS.has(t.norm) || t.kind === 'emoji') return null;
    if (/[,;:()]/.test(text.slice(t.end, tokens[i + 1]!.start))) return null;
    if (NEGATORS.has(t.norm)) return t;
  }
  return null;
}

function toCue(rule: CompiledRule, hit: Hit, text: string): Cue {
  const cue: Cue = {
    ruleId: rule.id, category: rule.category, level: rule.level, start: hit.start, end: hit.end,
    text: text.slice(hit.start, hit.end), reason: rule.reason, weight: rule.weight,
  };
  if (rule.boundary) cue.boundary = true;
  return cue;
}

/** Keep one cue per rule per place: earlier first, and the longer of two overlapping hits. */
function dedupe(cues: Cue[]): Cue[] {
  cues.sort((a, b) => a.start - b.start || b.end - a.end || a.ruleId.localeCompare(b.ruleId));
  const out: Cue[] = [];
  const lastEnd = new Map<string, number>();
  for (const c of cues) {
    const end = lastEnd.get(c.ruleId);
    if (end !== undefined && c.start < end) continue;
    lastEnd.set(c.ruleId, c.end);
    out.push(c);
  }
  return out;
}

/** Replace lone surrogates so every later step sees well-formed text (offsets unchanged). */
function wellFormed(text: string): string {
  return /[\ud800-\udfff]/.test(text) ? text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd') : text;
}

/** With a budget, slow rules are timed and turned off (see budget.ts); a rule turned off on this message loses its hits here. */
export function analyzeMessageText(input: string, pack: CompiledPack, role: MessageRole = 'customer', index = 0, budget: RuleBudget | null = null): MessageAnalysis {
  const text = wellFormed(typeof input === 'string' ? input : String(input ?? ''));
  const empty: MessageAnalysis = {
    index, role, cues: [], categories: [], frustration: 0, score: 0, complaint: false, boundary: false, profanity: false,
    activeRanges: [], cancelled: [],
  };
  if (role === 'internal' || text.trim() === '') return empty;
  const limited = text.length > MAX_ANALYZED_CHARS ? text.slice(0, MAX_ANALYZED_CHARS) : text;
  const segments = segmentMessage(limited);
  const active = segments.active;
  const { tokens } = tokenize(limited, active);
  const set = role === 'customer' ? pack.customer : pack.agent;
  const view = regexView(limited, active);
  budget?.begin(limited.length, role, index);
  const match = () => [...matchSequences(limited, tokens, set, budget), ...matchRegexes(view, tokens, set, budget)];
  const hits = budget ? budget.settle(match(), match) : match();

  const exceptionsBySentence = new Map<string, Hit>();
  for (const h of hits) if (h.exception) exceptionsBySentence.set(`${h.rule}:${h.sentence}`, h);

  const cues: Cue[] = [];
  const cancelled: CancelledCue[] = [];
  for (const h of hits) {
    if (h.exception) continue;
    const rule = pack.rules[h.rule]!;
    const cue = toCue(rule, h, limited);
    const exception = exceptionsBySentence.get(`${h.rule}:${h.sentence}`);
    if (exception) {
      cancelled.push({ ...cue, cancelledBy: 'exception', by: limited.slice(exception.start, exception.end) });
      continue;
    }
    const negator = rule.negatable ? negatorBefore(limited, tokens, h) : null;
    if (negator) {
      cancelled.push({ ...cue, cancelledBy: 'negation', by: limited.slice(negator.start, negator.end) });
      if (rule.weight < 0 && rule.scope === 'customer') {
        cues.push({
          ...cue, ruleId: `${rule.id}.negated`, category: 'complaint', start: negator.start,
          text: limited.slice(negator.start, h.end), weight: Math.round(-rule.weight * NEGATED_PRAISE_SHARE * 1000) / 1000,
          reason: `Negated praise ("${limited.slice(negator.start, negator.end)}" before "${cue.text}") reads as dissatisfaction.`,
        });
      }
      continue;
    }
    cues.push(cue);
  }

  // A cancelled match also silences shorter matches of the same rule inside it
  // ("can't say it will definitely arrive": not "definitely arrive" either).
  const silenced = cues.filter((c) => !cancelled.some((x) => x.ruleId === c.ruleId && x.start <= c.start && c.end <= x.end && x.end - x.start > c.end - c.start));
  const kept = dedupe(silenced);
  const base: MessageAnalysis = { ...empty, cues: kept, activeRanges: active, cancelled };
  if (role !== 'customer') return base;
  const s = scoreMessage(kept, pack);
  return { ...base, score: s.score, complaint: s.complaint, frustration: s.frustration, categories: s.categories, boundary: s.boundary, profanity: s.profanity };
}

export { type Token };
