import { describe, expect, it } from 'vitest';
import { openLogDatabase, openLogStore } from '../../src/background/log/store';
import { LOG_DB_VERSION } from '../../src/background/log/schema';
import type { LogEvent } from '../../src/shared/log';
import { matchesFilter } from '../../src/shared/log-filter';
import { computeStats } from '../../src/shared/log-stats';
import { DAY, T0, event, manyEvents } from './helpers';

describe('log database migrations', () => {
  it('opens a v1 database (events keyed by id) and keeps every old record, queryable by the new indexes', async () => {
    const name = `tactful-log-v1-${Math.random().toString(36).slice(2)}`;
    const v1 = await openLogDatabase(name, 1);
    expect([...v1.objectStoreNames]).toEqual(['events']);
    const old = [
      event({ id: 'a', time: T0, ruleIds: ['delay.waiting'], categories: ['delay'], action: 'shown' }),
      event({ id: 'b', time: T0 + DAY, ruleIds: ['billing.charged-twice'], categories: ['billing'], action: 'inserted', excerpt: 'charged twice', cues: [{ ruleId: 'billing.charged-twice', start: 0, end: 13 }] }),
      // Written by a build that forgot the agent: must survive the re-keying, not abort it.
      { ...event({ id: 'c', time: T0 + 2 * DAY }), agent: undefined },
    ];
    // Raw v1 records, the way the v1 code stored them (no derived index fields).
    const tx = v1.transaction('events' as never, 'readwrite');
    for (const record of old) await (tx.objectStore('events' as never) as unknown as IDBObjectStore).put(record);
    await tx.done;
    v1.close();

    const store = await openLogStore(name);
    const page = await store.query({}, { order: 'asc' });
    expect(page.total).toBe(3);
    expect(page.events).toEqual([old[0], old[1], { ...old[2], agent: 'unknown' }]);
    expect((await store.query({ ruleId: 'billing.charged-twice' })).events.map((e) => e.id)).toEqual(['b']);
    expect((await store.query({ category: 'delay', action: 'shown' })).events.map((e) => e.id)).toEqual(['c', 'a']);
    store.close();

    const reopened = await openLogDatabase(name);
    expect(reopened.version).toBe(LOG_DB_VERSION);
    expect([...reopened.transaction('events').store.indexNames]).toEqual(['time']);
    reopened.close();
  });

  it('opens a v2 database (five indexes, index tuples in each record) and keeps every event, without the tuples', async () => {
    const name = `tactful-log-v2-${Math.random().toString(36).slice(2)}`;
    const v2 = await openLogDatabase(name, 2);
    expect([...v2.transaction('events').store.indexNames].sort()).toEqual(['action_time', 'category_time', 'helpdesk_time', 'rule_time', 'time']);
    // More events than one upgrade batch, from two agents, some with excerpts.
    const events = [...manyEvents(2_600, 21, 'agent-a'), ...manyEvents(1_500, 22, 'agent-b')].map((e, i) => (i % 7 === 0 ? { ...e, excerpt: `excerpt ${i}` } : e));
    // Raw v2 records, the way the v2 code stored them.
    const tuples = (values: string[], e: LogEvent) => [...new Set(values)].map((v) => [v, e.time, e.agent, e.id]);
    const tx = v2.transaction('events' as never, 'readwrite');
    for (const e of events) void (tx.objectStore('events' as never) as unknown as IDBObjectStore).put({ ...e, ruleTimes: tuples(e.ruleIds, e), categoryTimes: tuples(e.categories, e) });
    await tx.done;
    v2.close();

    const store = await openLogStore(name);
    const all = await store.query({}, { limit: 1_000, offset: 0, order: 'asc' });
    expect(all.total).toBe(events.length);
    const filter = { ruleId: 'abuse.insult', helpdesk: 'rt' };
    const matching = events.filter((e) => matchesFilter(e, filter));
    expect((await store.query(filter, { limit: 1_000 })).total).toBe(matching.length);
    expect(await store.stats(filter)).toEqual(computeStats(matching));
    store.close();

    const reopened = await openLogDatabase(name);
    expect(reopened.version).toBe(LOG_DB_VERSION);
    expect([...reopened.transaction('events').store.indexNames]).toEqual(['time']);
    const raw = (await reopened.getAll('events')) as unknown as LogEvent[];
    const byKey = (e: LogEvent) => `${e.agent}/${e.id}`;
    expect(new Map(raw.map((e) => [byKey(e), e]))).toEqual(new Map(events.map((e) => [byKey(e), e])));
    reopened.close();
  });
});
