/**
 * Thread-level reading: the latest customer state, the trajectory, how often the customer has
 * had to write, and which playbook steps the agent's replies already covered. An Analyzer keeps
 * per-message results, so a new message costs one message analysis plus this aggregation.
 */
import type { CompiledPack } from '../compile/compiled';
import type { CategoryScore, MessageAnalysis, StepCoverage, ThreadAnalysis, ThreadMessage, Trajectory } from '../types';
import { PLAYBOOK_STEPS, type MessageRole, type PlaybookStep } from '../vocabulary';
import { RuleBudget, type BudgetOptions, type DisabledRule } from './budget';
import { analyzeMessageText } from './message';

const TRAJECTORY_DELTA = 0.15;
/** Messages kept beyond the current thread (other tickets of this session); a long thread never evicts itself. */
const CACHE_LIMIT = 2000;

const ORDINALS: Record<string, number> = {
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6, '7th': 7, '8th': 8, '9th': 9, '10th': 10,
  twice: 2, again: 2, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  multiple: 3, several: 3, many: 3, countless: 5, numerous: 3,
};

/** Contact count a repeat-contact cue states: "third time" -> 3, "5 times" -> 5, "again" -> 2. */
export function statedContacts(cueText: string): number {
  let best = 0;
  for (const word of cueText.toLowerCase().split(/[^a-z0-9]+/)) {
    const n = (Object.hasOwn(ORDINALS, word) ? ORDINALS[word] : undefined) ?? (/^\d{1,2}$/.test(word) ? Number(word) : 0);
    if (n > best && n <= 50) best = n;
  }
  return best;
}

function trajectoryOf(scores: number[]): Trajectory {
  if (scores.length < 2) return 'steady';
  const last = scores[scores.length - 1]!;
  const earlier = scores.slice(-3, -1);
  const mean = earlier.reduce((a, b) => a + b, 0) / earlier.length;
  if (last - mean >= TRAJECTORY_DELTA) return 'rising';
  if (mean - last >= TRAJECTORY_DELTA) return 'calming';
  return 'steady';
}

function mergeCategories(analyses: MessageAnalysis[]): CategoryScore[] {
  const best = new Map<string, CategoryScore>();
  for (const a of analyses) for (const c of a.categories) {
    const prev = best.get(c.category);
    if (!prev || c.confidence > prev.confidence) best.set(c.category, c);
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence || a.category.localeCompare(b.category));
}

export function aggregateThread(messages: MessageAnalysis[]): ThreadAnalysis {
  const customer = messages.filter((m) => m.role === 'customer');
  const latest = customer[customer.length - 1] ?? null;
  let turns = 0;
  let previousRole: MessageRole | null = null;
  for (const m of messages) {
    if (m.role === 'internal') continue;
    if (m.role === 'customer' && previousRole !== 'customer') turns++;
    previousRole = m.role;
  }
  let stated = 0;
  for (const m of customer) for (const c of m.cues) if (c.category === 'repeat_contact') stated = Math.max(stated, statedContacts(c.text));
  const covered = Object.fromEntries(PLAYBOOK_STEPS.map((s) => [s, false])) as StepCoverage;
  const latestIndex = latest?.index ?? messages.length;
  for (const m of messages) {
    if (m.role !== 'agent' || m.index > latestIndex) continue;
    for (const c of m.cues) if ((PLAYBOOK_STEPS as readonly string[]).includes(c.category)) covered[c.category as PlaybookStep] = true;
  }
  return {
    messages,
    latest,
    trajectory: trajectoryOf(customer.map((m) => m.score)),
    repeatContacts: Math.max(turns, stated),
    covered,
    threadCategories: mergeCategories(customer),
  };
}

export interface Analyzer {
  readonly pack: CompiledPack;
  analyze(thread: readonly ThreadMessage[]): ThreadAnalysis;
  analyzeText(text: string, role?: MessageRole): MessageAnalysis;
  /** Rules the time budget turned off during this analyzer's life, oldest first. */
  disabledRules(): readonly DisabledRule[];
}

export type AnalyzerOptions = BudgetOptions;

/**
 * An analyzer that remembers per-message results (by role and text) across calls, and keeps the
 * per-rule time budget for its whole life: a rule turned off stays off (see budget.ts).
 */
export function createAnalyzer(pack: CompiledPack, options: AnalyzerOptions = {}): Analyzer {
  const cache = new Map<string, MessageAnalysis>();
  // An LRU read in thread order thrashes when the thread is longer than the cache: every message
  // would miss on every update. Room for twice the longest thread keeps it (and a second one) warm.
  let cacheLimit = CACHE_LIMIT;
  const budget = options.ruleBudgetMs === Infinity ? null : new RuleBudget(pack, options);
  const disabledCount = () => budget?.disabled.length ?? 0;
  const analyzeText = (text: string, role: MessageRole = 'customer', index = 0): MessageAnalysis => {
    const key = `${role}\u0000${text}`;
    let hit = cache.get(key);
    if (hit) {
      cache.delete(key); // refresh LRU position
    } else {
      const before = disabledCount();
      hit = analyzeMessageText(text, pack, role, index, budget);
      // Results from before a rule was turned off still hold its cues: forget them.
      if (disabledCount() !== before) cache.clear();
      if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
    }
    cache.set(key, hit);
    return hit.index === index ? hit : { ...hit, index };
  };
  const analyze = (thread: readonly ThreadMessage[]): ThreadAnalysis => {
    cacheLimit = Math.max(cacheLimit, 2 * thread.length);
    for (;;) {
      const before = disabledCount();
      const messages = thread.map((m, i) => analyzeText(typeof m.text === 'string' ? m.text : '', m.role, i));
      // A rule turned off part-way: the earlier messages are read again without it, so the thread is consistent.
      if (disabledCount() !== before) continue;
      const analysis = aggregateThread(messages);
      if (budget && budget.disabled.length > 0) analysis.disabledRules = [...budget.disabled];
      return analysis;
    }
  };
  return {
    pack,
    analyzeText: (text, role) => analyzeText(text, role),
    analyze,
    disabledRules: () => budget?.disabled ?? [],
  };
}
