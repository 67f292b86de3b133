// The store answers queries and statistics from in-memory columns built on first use: these check
// that every kind of write keeps them equal to what the database holds, including writes that race
// the build, by comparing with a freshly opened store (which builds from the database alone).
import { describe, expect, it } from 'vitest';
import { openLogStore, type LogStore } from '../../src/background/log/store';
import type { LogEvent } from '../../src/shared/log';
import type { LogFilter } from '../../src/shared/log-filter';
import { computeStats } from '../../src/shared/log-stats';
import { matchesFilter } from '../../src/shared/log-filter';
import { toNdjson } from '../../src/shared/log-format';
import { DAY, T0, event, freshStore, manyEvents } from './helpers';

const FILTERS: LogFilter[] = [
  {},
  { ruleId: 'abuse.insult' },
  { ruleId: 'delay.waiting', helpdesk: 'rt' },
  { category: 'billing', action: 'shown', minFrustration: 2 },
  { from: T0 + 10 * DAY, to: T0 + 30 * DAY, maxFrustration: 3 },
];

/** What a store answers for each filter: a first page, the total, and the statistics. */
async function answers(store: LogStore) {
  return Promise.all(FILTERS.map(async (f) => ({ page: await store.query(f, { limit: 40 }), stats: await store.stats(f) })));
}

/** The running store must answer exactly as a store opened afresh on the same database. */
async function expectInSync(store: LogStore, name: string, events: readonly LogEvent[]) {
  const fresh = await openLogStore(name);
  const [mine, theirs] = [await answers(store), await answers(fresh)];
  fresh.close();
  expect(mine).toEqual(theirs);
  // ...and both as the events themselves say.
  FILTERS.forEach((f, i) => {
    const matching = events.filter((e) => matchesFilter(e, f));
    expect(mine[i]!.page.total).toBe(matching.length);
    expect(mine[i]!.stats).toEqual(computeStats(matching));
  });
}

describe('log store columns stay in step with the database', () => {
  it('through live adds, imports (out of time order, with duplicates), a replaced event, retention and clear', async () => {
    const { store, name } = await freshStore();
    let events = manyEvents(1_500, 3);
    await store.add(events);
    await expectInSync(store, name, events); // builds the columns

    // Live recording: one newer event at a time.
    const live = [event({ id: 'live-1', time: T0 + 70 * DAY, ruleIds: ['abuse.insult'], categories: ['abuse'] }), event({ id: 'live-2', time: T0 + 71 * DAY, helpdesk: 'rt' })];
    for (const e of live) await store.add([e]);
    events = [...events, ...live];
    await expectInSync(store, name, events);

    // Another agent's export, spread over the same days, sharing 100 events with ours.
    const theirs = manyEvents(800, 4, 'agent-b');
    const result = await store.importEvents(toNdjson([...theirs, ...events.slice(0, 100), theirs[0]!]));
    expect(result).toMatchObject({ added: 800, duplicates: 101, invalid: 0 });
    events = [...events, ...theirs];
    await expectInSync(store, name, events);

    // Adding an event under a stored key replaces it.
    const changed = { ...events[5]!, action: 'rated_down' as const, ruleIds: ['refund.ask'], categories: ['refund'] };
    await store.add([changed]);
    events = events.map((e) => (e.agent === changed.agent && e.id === changed.id ? changed : e));
    await expectInSync(store, name, events);

    const retention = await store.applyRetention({ retentionDays: 30, maxEvents: 1_000 }, T0 + 60 * DAY);
    expect(retention.deletedByAge + retention.deletedBySize).toBeGreaterThan(0);
    const fresh = await openLogStore(name);
    events = await fresh.exportNdjson().then((t) => t.trim().split('\n').map((l) => JSON.parse(l) as LogEvent));
    fresh.close();
    expect(events).toHaveLength(1_000);
    await expectInSync(store, name, events);

    await store.clear();
    await expectInSync(store, name, []);
    await store.add([live[0]!]);
    await expectInSync(store, name, [live[0]!]);
    store.close();
  });

  it('counts a write that races the first query once: neither lost nor doubled', async () => {
    for (const writeFirst of [true, false]) {
      const { store, name } = await freshStore();
      const before = manyEvents(500, 5);
      await store.add(before);
      const added = manyEvents(50, 6, 'agent-c');
      const imported = manyEvents(50, 7, 'agent-d');
      // Not awaited one by one: the build's snapshot and the writes interleave.
      const work = writeFirst
        ? [store.add(added), store.importEvents(toNdjson(imported)), store.query()]
        : [store.query(), store.add(added), store.importEvents(toNdjson(imported))];
      await Promise.all(work);
      await expectInSync(store, name, [...before, ...added, ...imported]);
      store.close();
    }
  });
});
