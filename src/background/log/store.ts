/**
 * The suggestion log in IndexedDB (extension origin): add, query, statistics, retention, export and
 * import. No chrome.* and no UI here, so the same code runs in the service worker, in extension pages
 * and in node tests (fake-indexeddb). Every write uses strict durability: a log that agents and QA
 * rely on must not lose acknowledged events to a crash or power cut.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { LogEvent, LogSettings } from '../../shared/log';
import type { LogFilter } from '../../shared/log-filter';
import { parseLog, toCsv, toNdjson, type LineError, type LogFormat } from '../../shared/log-format';
import type { LogStats } from '../../shared/log-stats';
import { checkLogEvent } from '../../shared/log-validate';
import { LogColumns, type EventKey } from './columns';
import { redactImportedEvent } from './redact-event';
import { EVENTS, LOG_DB_NAME, LOG_DB_VERSION, upgrade, type LogDB } from './schema';

const DAY_MS = 86_400_000;
const STRICT = { durability: 'strict' } as const;
/** Import reports list this many bad lines at most (the count is always exact). */
const MAX_REPORTED_ERRORS = 1_000;
const DELETE_BATCH = 1_000;
/** Events read per request while building the in-memory columns. */
const BUILD_BATCH = 5_000;

export interface Page {
  events: LogEvent[];
  total: number;
}

export type Order = 'asc' | 'desc';

export interface QueryOptions {
  offset?: number;
  limit?: number;
  /** By time; newest first unless 'asc'. */
  order?: Order;
}

export interface RetentionResult {
  deletedByAge: number;
  deletedBySize: number;
}

export interface ImportResult {
  added: number;
  duplicates: number;
  invalid: number;
  /** Events kept without their excerpt or reason, because redaction could not vouch for the text. */
  textDropped: number;
  /** The first bad lines, with line numbers. */
  errors: LineError[];
}

export interface LogStore {
  add(events: readonly LogEvent[]): Promise<void>;
  query(filter?: LogFilter, options?: QueryOptions): Promise<Page>;
  stats(filter?: LogFilter): Promise<LogStats>;
  applyRetention(settings: Pick<LogSettings, 'retentionDays' | 'maxEvents'>, now: number): Promise<RetentionResult>;
  clear(): Promise<void>;
  exportNdjson(filter?: LogFilter): Promise<string>;
  exportCsv(filter?: LogFilter): Promise<string>;
  importEvents(text: string, format?: LogFormat | 'auto'): Promise<ImportResult>;
  close(): void;
}

/** Opens (creating or upgrading) the log database at a given schema version; tests open old versions. */
export async function openLogDatabase(name = LOG_DB_NAME, version = LOG_DB_VERSION): Promise<IDBPDatabase<LogDB>> {
  let failure: unknown;
  const db = await openDB<LogDB>(name, version, {
    upgrade(database, oldVersion, newVersion, tx) {
      const anyDb = database as unknown as IDBPDatabase<unknown>;
      const anyTx = tx as unknown as Parameters<typeof upgrade>[3];
      upgrade(anyDb, oldVersion, newVersion ?? version, anyTx).catch((error: unknown) => {
        failure = error;
        tx.abort();
      });
    },
  }).catch((error: unknown) => {
    throw failure ?? error;
  });
  return db;
}

export async function openLogStore(name = LOG_DB_NAME): Promise<LogStore> {
  const db = await openLogDatabase(name);
  // Another tab upgrading the schema asks us to let go; a stale handle would block it forever.
  db.addEventListener('versionchange', () => db.close());
  return createLogStore(db);
}

/** Deletes up to `most` events in the time range, oldest first, a batch of keys at a time. */
async function deleteOldest(tx: IDBPTransaction<LogDB, ['events'], 'readwrite'>, range: IDBKeyRange | null, most: number): Promise<number> {
  let deleted = 0;
  while (deleted < most) {
    const keys = await tx.store.index('time').getAllKeys(range, Math.min(DELETE_BATCH, most - deleted));
    for (const key of keys) void tx.store.delete(key);
    deleted += keys.length;
    if (keys.length < DELETE_BATCH) break;
  }
  return deleted;
}

/** Reads every stored event into columns, in one transaction: one consistent snapshot, batch by batch. */
async function buildColumns(db: IDBPDatabase<LogDB>): Promise<LogColumns> {
  const tx = db.transaction(EVENTS, 'readonly');
  const columns = new LogColumns();
  let after: IDBKeyRange | null = null;
  for (;;) {
    const batch = await tx.store.getAll(after, BUILD_BATCH);
    columns.add(batch);
    if (batch.length < BUILD_BATCH) return columns;
    const last = batch[batch.length - 1]!;
    after = IDBKeyRange.lowerBound([last.agent, last.id], true);
  }
}

/**
 * The columns the review queries scan, built on first use and then told about every write. Writes
 * that commit after a build's snapshot are applied to it; a write whose transaction began before
 * a build started is already in that build's snapshot (IndexedDB runs overlapping transactions in
 * the order they were created), so each write remembers the generation it began in.
 */
function columnsOf(db: IDBPDatabase<LogDB>) {
  let columns: Promise<LogColumns> | null = null;
  let generation = 0;
  return {
    read(): Promise<LogColumns> {
      if (columns) return columns;
      const gen = ++generation;
      columns = buildColumns(db);
      columns.catch(() => {
        if (gen === generation) columns = null;
      });
      return columns;
    },
    /** Call when a write transaction begins; call the result once it has committed. */
    writing(): { added(events: readonly LogEvent[]): void; replaced(): void } {
      const gen = generation;
      return {
        added(events) {
          if (columns && gen === generation && events.length > 0) columns = columns.then((c) => (c.add(events), c));
        },
        /** Rows changed or went away: build again when next needed. */
        replaced() {
          generation++;
          columns = null;
        },
      };
    },
  };
}

/** The stored events with these keys, in the same order (a key deleted meanwhile is skipped). */
async function eventsByKey(db: IDBPDatabase<LogDB>, keys: readonly EventKey[]): Promise<LogEvent[]> {
  const tx = db.transaction(EVENTS, 'readonly');
  const found = await Promise.all(keys.map((key) => tx.store.get(key)));
  return found.filter((event): event is LogEvent => event !== undefined);
}

/** The keys already stored for the agents among `events`: one key-only read per agent, not one per event. */
async function storedKeys(tx: IDBPTransaction<LogDB, ['events'], 'readwrite'>, events: readonly LogEvent[]): Promise<Set<string>> {
  const agents = [...new Set(events.map((e) => e.agent))];
  // Keys are [agent, id] with string ids; an array sorts after every string, so [agent, []] ends the agent's range.
  const lists = await Promise.all(agents.map((agent) => tx.store.getAllKeys(IDBKeyRange.bound([agent], [agent, []]))));
  return new Set(lists.flat().map(([agent, id]) => keyString(agent, id)));
}

const keyString = (agent: string, id: string) => `${agent}\u0000${id}`;

function createLogStore(db: IDBPDatabase<LogDB>): LogStore {
  const columns = columnsOf(db);
  /** Every matching event, oldest first. */
  const matching = async (filter: LogFilter) => eventsByKey(db, (await columns.read()).keys(filter));
  return {
    async add(events) {
      const checked = events.map(checkLogEvent);
      const bad = checked.findIndex((c) => !c.ok);
      if (bad >= 0) throw new TypeError(`log event ${bad} is invalid: ${(checked[bad] as { error: string }).error}`);
      const valid = checked.flatMap((c) => (c.ok ? [c.event] : []));
      const tx = db.transaction(EVENTS, 'readwrite', STRICT);
      const write = columns.writing();
      // put replaces an event stored under the same key: the columns must then forget the old row.
      const existing = await Promise.all(valid.map((e) => tx.store.getKey([e.agent, e.id])));
      for (const event of valid) void tx.store.put(event);
      await tx.done;
      const distinct = new Set(valid.map((e) => keyString(e.agent, e.id))).size;
      if (existing.some((k) => k !== undefined) || distinct < valid.length) write.replaced();
      else write.added(valid);
    },

    async query(filter = {}, { offset = 0, limit = 50, order = 'desc' } = {}) {
      const page = (await columns.read()).page(filter, Math.max(0, Math.floor(offset)), Math.max(0, Math.floor(limit)), order === 'desc');
      return { events: await eventsByKey(db, page.keys), total: page.total };
    },

    async stats(filter = {}) {
      return (await columns.read()).stats(filter);
    },

    async applyRetention({ retentionDays, maxEvents }, now) {
      const tx = db.transaction(EVENTS, 'readwrite', STRICT);
      const write = columns.writing();
      const cutoff = Number.isFinite(retentionDays) && retentionDays > 0 ? now - retentionDays * DAY_MS : -Infinity;
      const deletedByAge = await deleteOldest(tx, IDBKeyRange.upperBound([cutoff], true), Infinity);
      const excess = Number.isFinite(maxEvents) && maxEvents >= 0 ? (await tx.store.count()) - maxEvents : 0;
      const deletedBySize = excess > 0 ? await deleteOldest(tx, null, excess) : 0;
      await tx.done;
      if (deletedByAge + deletedBySize > 0) write.replaced();
      return { deletedByAge, deletedBySize };
    },

    async clear() {
      const tx = db.transaction(EVENTS, 'readwrite', STRICT);
      const write = columns.writing();
      void tx.store.clear();
      await tx.done;
      write.replaced();
    },

    async exportNdjson(filter = {}) {
      return toNdjson(await matching(filter));
    },

    async exportCsv(filter = {}) {
      return toCsv(await matching(filter));
    },

    async importEvents(text, format = 'auto') {
      let parsed;
      try {
        parsed = parseLog(typeof text === 'string' ? text : '', format);
      } catch (error) {
        return { added: 0, duplicates: 0, invalid: 1, textDropped: 0, errors: [{ line: 1, message: `unreadable file (${String(error)})` }] };
      }
      const tx = db.transaction(EVENTS, 'readwrite', STRICT);
      const write = columns.writing();
      const seen = await storedKeys(tx, parsed.events);
      const fresh: LogEvent[] = [];
      let duplicates = 0;
      let textDropped = 0;
      for (const event of parsed.events) {
        const key = keyString(event.agent, event.id);
        if (seen.has(key)) {
          duplicates++;
          continue;
        }
        seen.add(key);
        // Exports are files anyone can edit: redact again, so the store never holds raw personal data.
        const redacted = redactImportedEvent(event);
        void tx.store.put(redacted.event);
        fresh.push(redacted.event);
        if (redacted.textDropped) textDropped++;
      }
      await tx.done;
      write.added(fresh);
      return { added: fresh.length, duplicates, invalid: parsed.errors.length, textDropped, errors: parsed.errors.slice(0, MAX_REPORTED_ERRORS) };
    },

    close() {
      db.close();
    },
  };
}
