/** Log events for tests: one with sensible defaults, or many from a seed (same seed, same events). */
import 'fake-indexeddb/auto';
import { LOG_ACTIONS, type LogEvent } from '../../src/shared/log';
import { openLogStore, type LogStore } from '../../src/background/log/store';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 0, 1);

export function event(overrides: Partial<LogEvent> = {}): LogEvent {
  return {
    id: 'e1', time: T0, agent: 'agent-a', helpdesk: 'demo', ticket: '0123456789abcdef', packId: 'en-default', packVersion: '1.0.0',
    action: 'shown', ruleIds: ['delay.waiting'], categories: ['delay'], frustration: 2, boundary: false, ...overrides,
  };
}

/** A small deterministic generator (mulberry32), so big fixtures need no stored data. */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const RULES = ['delay.waiting', 'delay.again', 'billing.charged-twice', 'abuse.insult', 'escalation.manager', 'refund.ask'];
export const CATEGORIES = ['delay', 'billing', 'abuse', 'escalation', 'refund'];
export const HELPDESKS = ['demo', 'rt', 'zendesk'];

export function manyEvents(count: number, seed = 1, agent = 'agent-a'): LogEvent[] {
  const rnd = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const rule = pick(RULES);
    return event({
      id: `${agent}-${i}`, agent, time: T0 + Math.floor(rnd() * 60 * DAY), helpdesk: pick(HELPDESKS), action: pick(LOG_ACTIONS),
      ruleIds: rnd() < 0.2 ? [rule, pick(RULES)] : [rule], categories: [rule.split('.')[0]!], frustration: Math.floor(rnd() * 5), boundary: rnd() < 0.1,
    });
  });
}

let dbCounter = 0;
/** A store on a fresh database of the in-memory IndexedDB. */
export async function freshStore(): Promise<{ store: LogStore; name: string }> {
  const name = `tactful-log-test-${++dbCounter}-${Math.random().toString(36).slice(2)}`;
  return { store: await openLogStore(name), name };
}
