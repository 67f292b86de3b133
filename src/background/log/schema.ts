/**
 * The suggestion-log database: its name, its current schema and the steps that bring any older
 * version up to it. Each step runs inside the one versionchange transaction IndexedDB gives an
 * upgrade, so a crash part-way leaves the old version and its data untouched and the step runs again
 * on the next open. (open() takes no durability option; that atomicity is what keeps records safe.)
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { LogEvent } from '../../shared/log';

export const LOG_DB_NAME = 'tactful-log';
export const LOG_DB_VERSION = 3;
export const EVENTS = 'events';

/**
 * Events are stored as they are, keyed by (agent, id), with one index: time order (retention
 * deletes the oldest first). Review filters and statistics scan in-memory columns (columns.ts)
 * instead of per-field indexes, so a write updates one index, not five.
 */
export interface LogDB extends DBSchema {
  events: {
    key: [string, string];
    value: LogEvent;
    indexes: {
      /** [time, agent, id]: ends in the primary key, so index keys are unique. */
      time: [number, string, string];
    };
  };
}

/** A v2 record: the event plus [value, time, agent, id] tuples for v2's multiEntry rule and category indexes. */
type V2Record = LogEvent & { ruleTimes: Array<[string, number, string, string]>; categoryTimes: Array<[string, number, string, string]> };

function v2Record(event: LogEvent): V2Record {
  return {
    ...event,
    ruleTimes: [...new Set(event.ruleIds)].map((r) => [r, event.time, event.agent, event.id]),
    categoryTimes: [...new Set(event.categories)].map((c) => [c, event.time, event.agent, event.id]),
  };
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
    await next.put(v2Record({ ...old, agent, ruleIds, categories }));
    cursor = await cursor.continue();
  }
  db.deleteObjectStore(EVENTS);
  next.name = EVENTS;
}

/** Records rewritten per request while upgrading to v3. */
const V3_BATCH = 2_000;

/**
 * v3: review queries scan in-memory columns, so the four per-field indexes go (an import of 100,000
 * events wrote some 500,000 entries into them), and records lose the tuples those indexes read.
 * Records are rewritten a batch at a time, in key order.
 */
async function upgradeToV3(_db: AnyDB, tx: AnyUpgradeTx): Promise<void> {
  const store = tx.objectStore(EVENTS);
  for (const name of ['helpdesk_time', 'action_time', 'rule_time', 'category_time']) store.deleteIndex(name);
  let after: IDBKeyRange | null = null;
  for (;;) {
    const batch = (await store.getAll(after, V3_BATCH)) as V2Record[];
    for (const { ruleTimes: _r, categoryTimes: _c, ...event } of batch) void store.put(event);
    if (batch.length < V3_BATCH) return;
    const last = batch[batch.length - 1]!;
    after = IDBKeyRange.lowerBound([last.agent, last.id], true);
  }
}

/** Step n brings a database from version n - 1 to n. */
const STEPS: Array<(db: AnyDB, tx: AnyUpgradeTx) => void | Promise<void>> = [() => {}, upgradeToV1, upgradeToV2, upgradeToV3];

/** Runs the steps from oldVersion to newVersion; a failure aborts the versionchange transaction (nothing changes). */
export async function upgrade(db: AnyDB, oldVersion: number, newVersion: number, tx: AnyUpgradeTx): Promise<void> {
  for (let version = oldVersion + 1; version <= newVersion; version++) await STEPS[version]!(db, tx);
}
