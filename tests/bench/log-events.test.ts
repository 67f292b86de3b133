import { describe, expect, it } from 'vitest';
import { benchEvents } from '../../src/cli/bench/log-events';
import { checkLogEvent } from '../../src/shared/log-validate';

const RULES = [{ id: 'delay.waiting', category: 'delay' }, { id: 'abuse.insult', category: 'abuse' }, { id: 'billing.charged-twice', category: 'billing' }];
const END = Date.UTC(2026, 5, 1);

describe('review-log bench events', () => {
  it('are valid log events, the same for the same seed, with distinct keys', () => {
    const events = benchEvents(2_000, RULES, END);
    expect(benchEvents(2_000, RULES, END)).toEqual(events);
    expect(benchEvents(2_000, RULES, END, 2)).not.toEqual(events);
    for (const e of events) expect(checkLogEvent(e)).toEqual({ ok: true, event: e });
    expect(new Set(events.map((e) => `${e.agent}/${e.id}`)).size).toBe(events.length);
  });

  it('spread over 90 days, several agents and helpdesks, every rule, with excerpts on some', () => {
    const events = benchEvents(2_000, RULES, END);
    expect(Math.min(...events.map((e) => e.time))).toBeGreaterThanOrEqual(END - 90 * 86_400_000);
    expect(Math.max(...events.map((e) => e.time))).toBeLessThanOrEqual(END);
    expect(new Set(events.map((e) => e.agent)).size).toBeGreaterThan(3);
    expect(new Set(events.map((e) => e.helpdesk)).size).toBeGreaterThan(3);
    expect(new Set(events.flatMap((e) => e.ruleIds))).toEqual(new Set(RULES.map((r) => r.id)));
    expect(events.some((e) => e.ruleIds.length > 1)).toBe(true);
    const withExcerpt = events.filter((e) => e.excerpt).length / events.length;
    expect(withExcerpt).toBeGreaterThan(0.15);
    expect(withExcerpt).toBeLessThan(0.35);
  });
});
