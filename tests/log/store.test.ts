import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/shared/log';
import type { LogFilter } from '../../src/shared/log-filter';
import { openLogStore } from '../../src/background/log/store';
import { DAY, T0, event, freshStore, manyEvents } from './helpers';

/** The expected answer, written independently of the store's own filter code. */
function expected(all: LogEvent[], f: LogFilter, order: 'asc' | 'desc' = 'desc'): LogEvent[] {
  const hits = all.filter(
    (e) =>
      !(f.from !== undefined && e.time < f.from) && !(f.to !== undefined && e.time >= f.to) &&
      !(f.helpdesk && e.helpdesk !== f.helpdesk) && !(f.action && e.action !== f.action) &&
      !(f.category && !e.categories.includes(f.category)) && !(f.ruleId && !e.ruleIds.includes(f.ruleId)) &&
      !(f.minFrustration !== undefined && e.frustration < f.minFrustration) && !(f.maxFrustration !== undefined && e.frustration > f.maxFrustration),
  );
  const key = (e: LogEvent) => [e.time, e.agent, e.id] as const;
  hits.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
  });
  return order === 'asc' ? hits : hits.reverse();
}

const FILTERS: LogFilter[] = [
  {},
  { from: T0 + 10 * DAY, to: T0 + 20 * DAY },
  { helpdesk: 'rt' },
  { action: 'inserted' },
  { category: 'billing' },
  { ruleId: 'delay.again' },
  { minFrustration: 3 },
  { maxFrustration: 1 },
  { minFrustration: 1, maxFrustration: 2, from: T0 + 5 * DAY },
  { ruleId: 'refund.ask', action: 'shown', from: T0 + 3 * DAY, to: T0 + 40 * DAY },
  { category: 'delay', helpdesk: 'zendesk', minFrustration: 2 },
  { ruleId: 'no.such-rule' },
  { from: T0 + 5 * DAY, to: T0 + 5 * DAY },
];

describe('log store: add and query', () => {
  const all = [...manyEvents(600, 7, 'agent-a'), ...manyEvents(200, 8, 'agent-b')];

  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('answers %s with the right page and total', async (_name, filter) => {
    const { store } = await freshStore();
    await store.add(all);
    for (const order of ['desc', 'asc'] as const) {
      const want = expected(all, filter, order);
      for (const [offset, limit] of [[0, 25], [10, 7], [want.length - 3, 10], [want.length + 5, 10]] as const) {
        const page = await store.query(filter, { offset: Math.max(0, offset), limit, order });
        expect(page.total).toBe(want.length);
        expect(page.events).toEqual(want.slice(Math.max(0, offset), Math.max(0, offset) + limit));
      }
    }
    store.close();
  });

  it('keeps the same id from two agents apart, and a re-added event once', async () => {
    const { store } = await freshStore();
    await store.add([event({ id: 'x', agent: 'a' }), event({ id: 'x', agent: 'b' })]);
    await store.add([event({ id: 'x', agent: 'a' })]);
    expect((await store.query()).total).toBe(2);
  });

  it('refuses an invalid event instead of storing it', async () => {
    const { store } = await freshStore();
    await expect(store.add([event(), { ...event({ id: 'bad' }), action: 'clicked' as never }])).rejects.toThrow(/event 1 is invalid: "action"/);
    expect((await store.query()).total).toBe(0);
  });

  it('keeps events across close and reopen', async () => {
    const { store, name } = await freshStore();
    const events = manyEvents(50, 3);
    await store.add(events);
    store.close();
    const again = await openLogStore(name);
    const page = await again.query({}, { limit: 100, order: 'asc' });
    expect(page.events).toEqual(expected(events, {}, 'asc'));
    again.close();
  });

  it('clears everything', async () => {
    const { store } = await freshStore();
    await store.add(manyEvents(30));
    await store.clear();
    expect(await store.query()).toEqual({ events: [], total: 0 });
  });
});

describe('log store: retention', () => {
  it('deletes events older than the retention period, and only those', async () => {
    const { store } = await freshStore();
    const events = manyEvents(300, 11);
    await store.add(events);
    const now = T0 + 60 * DAY;
    const result = await store.applyRetention({ retentionDays: 30, maxEvents: 1_000 }, now);
    const kept = events.filter((e) => e.time >= now - 30 * DAY);
    expect(result).toEqual({ deletedByAge: events.length - kept.length, deletedBySize: 0 });
    expect((await store.query({}, { limit: 1_000, order: 'asc' })).events).toEqual(expected(kept, {}, 'asc'));
  });

  it('deletes the oldest events beyond the size limit', async () => {
    const { store } = await freshStore();
    const events = manyEvents(2_500, 12);
    await store.add(events);
    const result = await store.applyRetention({ retentionDays: 365, maxEvents: 1_200 }, T0 + 61 * DAY);
    expect(result).toEqual({ deletedByAge: 0, deletedBySize: 1_300 });
    const newest = expected(events, {}, 'desc').slice(0, 1_200);
    expect((await store.query({}, { limit: 5_000 })).events).toEqual(newest);
  });
});

describe('log store: 100,000 events', () => {
  it('answers a page query with the right total', async () => {
    const { store } = await freshStore();
    const events = manyEvents(100_000, 99);
    let t = performance.now();
    await store.add(events);
    console.log(`add 100,000 events: ${(performance.now() - t).toFixed(0)} ms`);
    const timings: string[] = [];
    for (const filter of [{}, { ruleId: 'abuse.insult' }, { action: 'inserted', from: T0 + 10 * DAY, to: T0 + 40 * DAY }, { category: 'billing' }, { helpdesk: 'rt', action: 'dismissed', minFrustration: 3 }] as LogFilter[]) {
      t = performance.now();
      const page = await store.query(filter, { offset: 100, limit: 50 });
      timings.push(`${JSON.stringify(filter)}: ${(performance.now() - t).toFixed(1)} ms`);
      const want = expected(events, filter);
      expect(page.total).toBe(want.length);
      expect(page.events).toEqual(want.slice(100, 150));
    }
    console.log(`query a page of 50 at offset 100 in 100,000 events:\n  ${timings.join('\n  ')}`);
  }, 300_000);
});
