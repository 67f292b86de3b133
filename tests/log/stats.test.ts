import { describe, expect, it } from 'vitest';
import { computeStats } from '../../src/shared/log-stats';
import { DAY, T0, event, freshStore, manyEvents } from './helpers';

describe('log statistics', () => {
  const events = [
    event({ id: '1', action: 'shown', ruleIds: ['delay.waiting', 'billing.charged-twice'], categories: ['delay', 'billing'] }),
    event({ id: '2', action: 'shown', ruleIds: ['delay.waiting'], categories: ['delay'] }),
    event({ id: '3', action: 'shown', ruleIds: ['delay.waiting'], categories: ['delay'], time: T0 + DAY }),
    event({ id: '4', action: 'shown', ruleIds: ['delay.waiting'], categories: ['delay'], time: T0 + DAY }),
    event({ id: '5', action: 'inserted', ruleIds: ['delay.waiting'], categories: ['delay'], time: T0 + DAY }),
    event({ id: '6', action: 'edited', ruleIds: ['delay.waiting'], categories: ['delay'], time: T0 + DAY }),
    event({ id: '7', action: 'dismissed', ruleIds: ['billing.charged-twice'], categories: ['billing'] }),
    event({ id: '8', action: 'rated_down', ruleIds: ['delay.waiting'], categories: ['delay'], agent: 'agent-b' }),
    event({ id: '9', action: 'wrong_cue', ruleIds: ['delay.waiting'], categories: ['delay'], time: T0 + 3 * DAY + 5 }),
  ];

  it('counts actions per rule and per category (an event with two rules counts for both), with rates', () => {
    const s = computeStats(events);
    expect(s).toMatchObject({ events: 9, agents: 2, first: T0, last: T0 + 3 * DAY + 5 });
    const delay = s.byRule.find((r) => r.key === 'delay.waiting')!;
    expect(delay.counts).toEqual({ shown: 4, inserted: 1, copied: 0, edited: 1, dismissed: 0, rated_up: 0, rated_down: 1, wrong_cue: 1, rule_disabled: 0 });
    expect(delay.rates).toEqual({ insert: 0.25, copy: 0, edit: 1, dismiss: 0, ratedDown: 0.25, wrongCue: 0.25 });
    const billing = s.byCategory.find((r) => r.key === 'billing')!;
    expect(billing.counts).toMatchObject({ shown: 1, dismissed: 1 });
    expect(billing.rates).toMatchObject({ insert: 0, edit: null, dismiss: 1 });
    expect(s.byRule.map((r) => r.key)).toEqual(['delay.waiting', 'billing.charged-twice']);
    expect(s.totals.counts.shown).toBe(4);
  });

  it('gives a series by UTC day, oldest first, with only the days that have events', () => {
    expect(computeStats(events).byDay.map((d) => [d.day, d.counts.shown, d.counts.inserted])).toEqual([
      ['2026-01-01', 2, 0],
      ['2026-01-02', 2, 1],
      ['2026-01-04', 0, 0],
    ]);
    expect(computeStats([]).byRule).toEqual([]);
  });

  it('the store’s stats of a filter equal the statistics of exactly the matching events', async () => {
    const { store } = await freshStore();
    const all = manyEvents(400, 41);
    await store.add(all);
    expect(await store.stats()).toEqual(computeStats([...all].sort((a, b) => a.time - b.time)));
    const filter = { category: 'delay', from: T0 + 7 * DAY, to: T0 + 30 * DAY, minFrustration: 2 };
    const hits = all.filter((e) => e.categories.includes('delay') && e.time >= filter.from && e.time < filter.to && e.frustration >= 2);
    expect(hits.length).toBeGreaterThan(10);
    expect(await store.stats(filter)).toEqual(computeStats(hits));
  });
});
