/**
 * Suggestion-log events for the review-log bench: deterministic (same seed, same events), spread
 * over 90 days, several agents and helpdesks, one to three of the pack's rules each, and a short
 * redacted-style excerpt on some, so records are the size a real `excerpts`-mode export has.
 */
import { LOG_ACTIONS, type LogEvent } from '../../shared/log';

const DAY_MS = 86_400_000;
export const BENCH_HELPDESKS = ['demo', 'rt', 'zendesk', 'freshdesk'] as const;
const AGENTS = ['agent-1', 'agent-2', 'agent-3', 'agent-4', 'agent-5'];
const EXCERPT = 'I have been waiting for two weeks now and nobody from your team has answered my emails about the refund. ';

/** mulberry32: a small seeded generator, so 100,000 events need no stored data. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchRule {
  id: string;
  category: string;
}

export function benchEvents(count: number, rules: readonly BenchRule[], end: number, seed = 1): LogEvent[] {
  const rnd = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const fired = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * rnd() * 3) }, () => pick(rules)))];
    const agent = pick(AGENTS);
    const event: LogEvent = {
      id: `${agent}-${seed}-${i}`,
      time: end - Math.floor(rnd() * 90 * DAY_MS),
      agent,
      helpdesk: pick(BENCH_HELPDESKS),
      ticket: Math.floor(rnd() * 2 ** 52).toString(16).padStart(16, '0'),
      packId: 'en-default',
      packVersion: '1.0.0',
      action: pick(LOG_ACTIONS),
      ruleIds: fired.map((r) => r.id),
      categories: [...new Set(fired.map((r) => r.category))],
      frustration: Math.floor(rnd() * 5),
      boundary: rnd() < 0.1,
      suggestionId: 'delay-ack',
      step: 'acknowledge',
    };
    if (rnd() < 0.25) event.excerpt = EXCERPT.repeat(1 + Math.floor(rnd() * 3)).trim();
    return event;
  });
}
