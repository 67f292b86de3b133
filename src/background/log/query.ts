/**
 * Query planning over the events store: every criterion with a time-ordered index becomes a
 * candidate key range; the range with the fewest entries drives the read and the remaining criteria
 * are checked on each record. IndexedDB counts a range itself, so a query with one indexed criterion
 * (plus dates) reads only the page it returns. Walks read in batches with getAll, which is far
 * cheaper per record than a cursor step, and keep one batch in memory at a time.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { LogEvent } from '../../shared/log';
import { matchesFilter, type LogFilter } from '../../shared/log-filter';
import { EVENTS, fromStored, type LogDB, type StoredEvent } from './schema';

export type Order = 'asc' | 'desc';
type IndexName = 'time' | 'helpdesk_time' | 'action_time' | 'rule_time' | 'category_time';
export type LogTx = IDBPTransaction<LogDB, ['events'], 'readonly' | 'readwrite'>;

const BATCH = 500;

export interface Plan {
  index: IndexName;
  /** The indexed value in front of [time, agent, id] (none for the time index). */
  prefix: [] | [string];
  from: number;
  to: number;
  /** True when the range alone decides membership (no other criterion to check per record). */
  exact: boolean;
  /** Entries in the range (the total when `exact`). */
  size: number;
}

/** Keys run [...prefix, time, agent, id]; [...prefix, from] sorts before all of them and [...prefix, to] after. */
export function rangeOf(p: Pick<Plan, 'prefix' | 'from' | 'to'>, after?: IDBValidKey[]): IDBKeyRange {
  return IDBKeyRange.bound(after ?? [...p.prefix, p.from], [...p.prefix, p.to], after !== undefined, true);
}

function candidates(filter: LogFilter): Array<Pick<Plan, 'index' | 'prefix'> & { covers: keyof LogFilter | null }> {
  const list: Array<Pick<Plan, 'index' | 'prefix'> & { covers: keyof LogFilter | null }> = [];
  if (filter.ruleId !== undefined) list.push({ index: 'rule_time', prefix: [filter.ruleId], covers: 'ruleId' });
  if (filter.category !== undefined) list.push({ index: 'category_time', prefix: [filter.category], covers: 'category' });
  if (filter.helpdesk !== undefined) list.push({ index: 'helpdesk_time', prefix: [filter.helpdesk], covers: 'helpdesk' });
  if (filter.action !== undefined) list.push({ index: 'action_time', prefix: [filter.action], covers: 'action' });
  if (list.length === 0) list.push({ index: 'time', prefix: [], covers: null });
  return list;
}

/** Chooses the smallest candidate range; null when the filter cannot match anything. */
export async function plan(tx: LogTx, filter: LogFilter): Promise<Plan | null> {
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  if (!(from < to)) return null;
  const unindexed = (Object.keys(filter) as Array<keyof LogFilter>).filter((k) => filter[k] !== undefined && k !== 'from' && k !== 'to');
  let best: Plan | null = null;
  for (const c of candidates(filter)) {
    // No criteria at all: the store keeps its own count (every stored event has a valid time key).
    const everything = c.index === 'time' && from === -Infinity && to === Infinity;
    const size = everything ? await tx.store.count() : await tx.store.index(c.index).count(rangeOf({ prefix: c.prefix, from, to }));
    if (best === null || size < best.size) best = { index: c.index, prefix: c.prefix, from, to, size, exact: unindexed.every((k) => k === c.covers) };
    if (size === 0) break;
  }
  return best;
}

/** The index key a stored event has in the planned index (unique: it ends in the primary key). */
function keyIn(p: Plan, e: StoredEvent): IDBValidKey[] {
  return [...p.prefix, e.time, e.agent, e.id];
}

/** Calls `visit` with every event of the planned range that matches the filter, oldest first. */
export async function walkAscending(tx: LogTx, p: Plan, filter: LogFilter, visit: (event: LogEvent) => void): Promise<void> {
  const index = tx.store.index(p.index);
  let after: IDBValidKey[] | undefined;
  for (;;) {
    const batch = await index.getAll(rangeOf(p, after), BATCH);
    for (const stored of batch) {
      const event = fromStored(stored);
      if (p.exact || matchesFilter(event, filter)) visit(event);
    }
    if (batch.length < BATCH) return;
    after = keyIn(p, batch[batch.length - 1]!);
  }
}

export interface Page {
  events: LogEvent[];
  total: number;
}

/** An exact plan: step straight to the page with a cursor (advance skips without reading). */
async function exactPage(tx: LogTx, p: Plan, offset: number, limit: number, order: Order): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  if (offset >= p.size || limit === 0) return events;
  let cursor = await tx.store.index(p.index).openCursor(rangeOf(p), order === 'asc' ? 'next' : 'prev');
  if (cursor && offset > 0) cursor = await cursor.advance(offset);
  while (cursor) {
    events.push(fromStored(cursor.value));
    if (events.length >= limit) break;
    cursor = await cursor.continue();
  }
  return events;
}

/**
 * One page of matching events (newest first unless `asc`) and how many match in all. Without an
 * exact plan every candidate is checked once; memory holds only offset + limit events.
 */
export async function queryPage(db: IDBPDatabase<LogDB>, filter: LogFilter, offset: number, limit: number, order: Order): Promise<Page> {
  const tx = db.transaction(EVENTS, 'readonly');
  const p = await plan(tx, filter);
  if (!p) return { events: [], total: 0 };
  if (p.exact) return { events: await exactPage(tx, p, offset, limit, order), total: p.size };
  let total = 0;
  const kept: LogEvent[] = [];
  // Newest first while walking oldest first: a ring of the last offset + limit matches seen.
  const ring = offset + limit;
  await walkAscending(tx, p, filter, (event) => {
    if (order === 'asc') {
      if (total >= offset && kept.length < limit) kept.push(event);
    } else if (ring > 0) {
      kept[total % ring] = event;
    }
    total++;
  });
  if (order === 'asc') return { events: kept, total };
  const newestFirst = Array.from({ length: Math.min(total, ring) }, (_, k) => kept[(total - 1 - k) % ring]!);
  return { events: newestFirst.slice(offset, offset + limit), total };
}
