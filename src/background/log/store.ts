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
import { StatsAccumulator, type LogStats } from '../../shared/log-stats';
import { checkLogEvent } from '../../shared/log-validate';
import { redactImportedEvent } from './redact-event';
import { plan, queryPage, walkAscending, type Order, type Page } from './query';
import { EVENTS, LOG_DB_NAME, LOG_DB_VERSION, toStored, upgrade, type LogDB } from './schema';

const DAY_MS = 86_400_000;
const STRICT = { durability: 'strict' } as const;
/** Import reports list this many bad lines at most (the count is always exact). */
const MAX_REPORTED_ERRORS = 1_000;
const DELETE_BATCH = 1_000;

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

/** Calls `visit` with every matching event, oldest first, one batch in memory at a time. */
async function forEachMatch(db: IDBPDatabase<LogDB>, filter: LogFilter, visit: (event: LogEvent) => void): Promise<void> {
  const tx = db.transaction(EVENTS, 'readonly');
  const p = await plan(tx, filter);
  if (p) await walkAscending(tx, p, filter, visit);
}

async function matching(db: IDBPDatabase<LogDB>, filter: LogFilter): Promise<LogEvent[]> {
  const out: LogEvent[] = [];
  await forEachMatch(db, filter, (e) => void out.push(e));
  return out;
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

function createLogStore(db: IDBPDatabase<LogDB>): LogStore {
  return {
    async add(events) {
      const checked = events.map(checkLogEvent);
      const bad = checked.findIndex((c) => !c.ok);
      if (bad >= 0) throw new TypeError(`log event ${bad} is invalid: ${(checked[bad] as { error: string }).error}`);
      const tx = db.transaction(EVENTS, 'readwrite', STRICT);
      for (const c of checked) if (c.ok) void tx.store.put(toStored(c.event));
      await tx.done;
    },

    async query(filter = {}, { offset = 0, limit = 50, order = 'desc' } = {}) {
      return queryPage(db, filter, Math.max(0, Math.floor(offset)), Math.max(0, Math.floor(limit)), order);
    },

    async stats(filter = {}) {
      const acc = new StatsAccumulator();
      await forEachMatch(db, filter, (e) => acc.add(e));
      return acc.result();
    },

    async applyRetention({ retentionDays, maxEvents }, now) {
      const tx = db.transaction(EVENTS, 'readwrite', STRICT);
      const cutoff = Number.isFinite(retentionDays) && retentionDays > 0 ? now - retentionDays * DAY_MS : -Infinity;
      const deletedByAge = await deleteOldest(tx, IDBKeyRange.upperBound([cutoff], true), Infinity);
      const excess = Number.isFinite(maxEvents) && maxEvents >= 0 ? (await tx.store.count()) - maxEvents : 0;
      const deletedBySize = excess > 0 ? await deleteOldest(tx, null, excess) : 0;
      await tx.done;
      return { deletedByAge, deletedBySize };
    },

    async clear() {
      const tx = db.transaction(EVENTS, 'readwrite', STRICT);
      void tx.store.clear();
      await tx.done;
    },

    async exportNdjson(filter = {}) {
      return toNdjson(await matching(db, filter));
    },

    async exportCsv(filter = {}) {
      return toCsv(await matching(db, filter));
    },

    async importEvents(text, format = 'auto') {
      let parsed;
      try {
        parsed = parseLog(typeof text === 'string' ? text : '', format);
      } catch (error) {
        return { added: 0, duplicates: 0, invalid: 1, textDropped: 0, errors: [{ line: 1, message: `unreadable file (${String(error)})` }] };
      }
      // Exports are files anyone can edit: redact again, so the store never holds raw personal data.
      const redacted = parsed.events.map(redactImportedEvent);
      const tx = db.transaction(EVENTS, 'readwrite', STRICT);
      let added = 0;
      let duplicates = 0;
      let textDropped = 0;
      for (const { event, textDropped: dropped } of redacted) {
        if ((await tx.store.getKey([event.agent, event.id])) !== undefined) duplicates++;
        else {
          void tx.store.put(toStored(event));
          added++;
          if (dropped) textDropped++;
        }
      }
      await tx.done;
      return { added, duplicates, invalid: parsed.errors.length, textDropped, errors: parsed.errors.slice(0, MAX_REPORTED_ERRORS) };
    },

    close() {
      db.close();
    },
  };
}
