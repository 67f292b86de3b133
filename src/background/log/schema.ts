/**
 * The suggestion-log database: its name, its current schema and the steps that bring any older
 * version up to it. Each step runs inside the one versionchange transaction IndexedDB gives an
 * upgrade, so a crash part-way leaves the old version and its data untouched and the step runs again
 * on the next open. (open() takes no durability option; that atomicity is what keeps records safe.)
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { LogAction, LogEvent } from '../../shared/log';

export const LOG_DB_NAME = 'tactful-log';
export const LOG_DB_VERSION = 2;
export const EVENTS = 'events';

/**
 * A stored event: the LogEvent plus [key, time, agent, id] tuples for the rule and category
 * indexes. A plain multiEntry index on `ruleIds` would list a rule's events in id order; tuples list
 * them in time order, so a page of a rule's newest events is a range walk, not a sort. Every index
 * key ends in the primary key (agent, id), which makes index keys unique: a batch read can resume
 * exactly after the last key it saw.
 */
export type StoredEvent = LogEvent & { ruleTimes: IndexKey[]; categoryTimes: IndexKey[] };
/** [value, time, agent, id] for keyed indexes; [time, agent, id] for the time index. */
export type IndexKey = [string, number, string, string];
export type TimeKey = [number, string, string];

export interface LogDB extends DBSchema {
  events: {
    key: [string, string];
    value: StoredEvent;
    indexes: {
      time: TimeKey;
      helpdesk_time: IndexKey;
      action_time: [LogAction, number, string, string];
      rule_time: IndexKey;
      category_time: IndexKey;
    };
  };
}

export function toStored(event: LogEvent): StoredEvent {
  return {
    ...event,
    ruleTimes: [...new Set(event.ruleIds)].map((r) => [r, event.time, event.agent, event.id]),
    categoryTimes: [...new Set(event.categories)].map((c) => [c, event.time, event.agent, event.id]),
  };
}

export function fromStored(stored: StoredEvent): LogEvent {
  const { ruleTimes: _r, categoryTimes: _c, ...event } = stored;
  return event;
}

/** The schema-level view an upgrade step needs: stores and indexes of any version, not just the current one. */
type AnyDB = IDBPDatabase<unknown>;
type AnyUpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

function createEventsV2(db: AnyDB, name: string) {
  const store = db.createObjectStore(name, { keyPath: ['agent', 'id'] });
  store.createIndex('time', ['time', 'agent', 'id']);
  store.createIndex('helpdesk_time', ['helpdesk', 'time', 'agent', 'id']);
  store.createIndex('action_time', ['action', 'time', 'agent', 'id']);
  store.createIndex('rule_time', 'ruleTimes', { multiEntry: true });
  store.createIndex('category_time', 'categoryTimes', { multiEntry: true });
  return store;
}

/** v1: events keyed by `id` alone, as the log was first specified. Kept so old databases can be read. */
function upgradeToV1(db: AnyDB): void {
  const store = db.createObjectStore(EVENTS, { keyPath: 'id' });
  store.createIndex('time', 'time');
  store.createIndex('helpdesk', 'helpdesk');
  store.createIndex('action', 'action');
  store.createIndex('ruleIds', 'ruleIds', { multiEntry: true });
  store.createIndex('categories', 'categories', { multiEntry: true });
}

/**
 * v2: key by (agent, id), because merged imports hold several agents' events and ids are only unique
 * per agent; add time-ordered compound indexes. Records are copied one by one (never all in memory).
 * A record with no usable agent (none should exist) is kept under agent "unknown" rather than
 * dropped or allowed to abort the upgrade.
 */
async function upgradeToV2(db: AnyDB, tx: AnyUpgradeTx): Promise<void> {
  const next = createEventsV2(db, `${EVENTS}_v2`);
  let cursor = await tx.objectStore(EVENTS).openCursor();
  while (cursor) {
    const old = cursor.value as LogEvent;
    const agent = typeof old.agent === 'string' && old.agent !== '' ? old.agent : 'unknown';
    const ruleIds = Array.isArray(old.ruleIds) ? old.ruleIds : [];
    const categories = Array.isArray(old.categories) ? old.categories : [];
    await next.put(toStored({ ...old, agent, ruleIds, categories }));
    cursor = await cursor.continue();
  }
  db.deleteObjectStore(EVENTS);
  next.name = EVENTS;
}

/** Step n brings a database from version n - 1 to n. */
const STEPS: Array<(db: AnyDB, tx: AnyUpgradeTx) => void | Promise<void>> = [() => {}, upgradeToV1, upgradeToV2];

/** Runs the steps from oldVersion to newVersion; a failure aborts the versionchange transaction (nothing changes). */
export async function upgrade(db: AnyDB, oldVersion: number, newVersion: number, tx: AnyUpgradeTx): Promise<void> {
  for (let version = oldVersion + 1; version <= newVersion; version++) await STEPS[version]!(db, tx);
}
