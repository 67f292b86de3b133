/**
 * Where packs live: chrome.storage.local in the extension, a Map in node tests. Versions point at
 * content-addressed blobs (one key per distinct file text); drafts have a key per pack so
 * autosaving while typing writes a few KB, not the whole history.
 */
import { diffPacks } from './packs-diff';
import { migrate, OVERLAY_ID, versionsOf, withVersions, type Draft, type Migrated, type PackFile, type PacksState, type VersionMeta } from './packs';

export const STATE_KEY = 'packs.state';
export const BLOB_PREFIX = 'packs.blob.';
export const DRAFT_PREFIX = 'packs.draft.';
/** The policy the background worker found valid, for pages to read (written only by the background). */
export { POLICY_KEY } from './settings';

/** The few storage calls we need; chrome.storage.local and the in-memory fake both provide them. */
export interface KeyValueStore {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Calls back with the changed keys (another tab saved, the background wrote a policy). */
  subscribe?(listener: (keys: string[]) => void): () => void;
}

/** The store over a chrome.storage area (passed in, so this file runs in node too). */
export function chromeStore(area: chrome.storage.StorageArea, areaName = 'local'): KeyValueStore {
  return {
    get: (keys) => area.get(keys),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
    subscribe(listener) {
      const onChanged = (changes: Record<string, unknown>, name: string) => {
        if (name === areaName) listener(Object.keys(changes));
      };
      chrome.storage.onChanged.addListener(onChanged);
      return () => chrome.storage.onChanged.removeListener(onChanged);
    },
  };
}

/** In-memory store for tests; values are copied in and out like chrome.storage does (JSON). */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial));
  const listeners = new Set<(keys: string[]) => void>();
  const copy = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
  return {
    data,
    async get(keys) {
      const out: Record<string, unknown> = {};
      for (const k of keys ?? [...data.keys()]) if (data.has(k)) out[k] = copy(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
      listeners.forEach((l) => l(Object.keys(items)));
    },
    async remove(keys) {
      keys.forEach((k) => data.delete(k));
      listeners.forEach((l) => l(keys));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

async function sha256(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...bytes.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function loadState(store: KeyValueStore): Promise<Migrated> {
  const raw = (await store.get([STATE_KEY]))[STATE_KEY];
  const migrated = migrate(raw);
  // Something could not be read: keep the stored value as it was before anything overwrites it.
  if (migrated.problems.length > 0 && !migrated.readOnly && raw !== undefined) {
    await store.set({ [`${STATE_KEY}.backup-${Date.now()}`]: raw });
  }
  return migrated;
}

export async function readFiles(store: KeyValueStore, version: VersionMeta): Promise<PackFile[]> {
  const keys = Object.values(version.files);
  const blobs = await store.get(keys);
  return Object.entries(version.files).map(([path, key]) => {
    const text = blobs[key];
    if (typeof text !== 'string') throw new Error(`version ${version.n}: the text of ${path} is missing from storage`);
    return { path, text };
  });
}

export interface SaveOptions {
  summary?: string;
  time?: number;
}

/**
 * Save `files` as the next version of `docId` (a team pack or the overlay) and drop its draft.
 * Blobs are written before the state that points at them, so a crash in between loses nothing.
 * The caller validates first: only packs that compile may become versions.
 */
export async function saveVersion(store: KeyValueStore, callerState: PacksState, docId: string, files: readonly PackFile[], options: SaveOptions = {}): Promise<PacksState> {
  const state = await freshest(store, callerState, docId);
  const versions = versionsOf(state, docId);
  const previous = versions[versions.length - 1];
  const before = previous ? await readFiles(store, previous) : [];
  const diff = diffPacks(before, files);
  const blobs: Record<string, string> = {};
  const refs: Record<string, string> = {};
  for (const f of files) {
    const key = `${BLOB_PREFIX}${await sha256(f.text)}`;
    blobs[key] = f.text;
    refs[f.path] = key;
  }
  const added = diff.reduce((n, d) => n + d.added, 0);
  const removed = diff.reduce((n, d) => n + d.removed, 0);
  const changed = diff.map((d) => d.path);
  const summary = options.summary?.trim() || (previous ? `${changed.length} file${changed.length === 1 ? '' : 's'} changed: ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ' …' : ''}` : 'First version');
  const version: VersionMeta = { n: (previous?.n ?? 0) + 1, time: options.time ?? Date.now(), summary, files: refs, added, removed };
  const next = withVersions(state, docId, [...versions, version]);
  await store.set(blobs);
  await store.set({ [STATE_KEY]: next });
  await store.remove([DRAFT_PREFIX + docId]);
  await collectBlobs(store, next);
  return next;
}

/**
 * The stored state (another options tab may have saved since this one loaded), with `docId` taken
 * from the caller if the stored state lacks it: a version is appended to the newest history, never
 * to a stale copy that would drop the other tab's versions.
 */
async function freshest(store: KeyValueStore, callerState: PacksState, docId: string): Promise<PacksState> {
  const stored = (await store.get([STATE_KEY]))[STATE_KEY];
  if (stored === undefined) return callerState;
  const { state, readOnly } = migrate(stored);
  if (readOnly) throw new Error('rule packs were saved by a newer Tactful; not overwriting them');
  if (docId === OVERLAY_ID || state.packs.some((p) => p.id === docId)) return state;
  const mine = callerState.packs.find((p) => p.id === docId);
  return mine ? { ...state, packs: [...state.packs, mine], order: state.order.includes(docId) ? state.order : [docId, ...state.order] } : state;
}

/** Persist a state change that adds no version (enable, order, add or remove a pack). */
export async function saveState(store: KeyValueStore, state: PacksState): Promise<void> {
  await store.set({ [STATE_KEY]: state });
}

/** Delete blobs no version refers to any more (history beyond MAX_VERSIONS, removed packs). */
async function collectBlobs(store: KeyValueStore, state: PacksState): Promise<void> {
  const used = new Set<string>();
  for (const v of [...state.overlay.versions, ...state.packs.flatMap((p) => p.versions)]) Object.values(v.files).forEach((k) => used.add(k));
  const all = Object.keys(await store.get(null));
  const unused = all.filter((k) => k.startsWith(BLOB_PREFIX) && !used.has(k));
  if (unused.length > 0) await store.remove(unused);
}

export async function loadDraft(store: KeyValueStore, docId: string): Promise<Draft | null> {
  const raw = (await store.get([DRAFT_PREFIX + docId]))[DRAFT_PREFIX + docId] as Draft | undefined;
  if (!raw || !Array.isArray(raw.files) || !raw.files.every((f) => typeof f?.path === 'string' && typeof f?.text === 'string')) return null;
  return raw;
}

export async function saveDraft(store: KeyValueStore, draft: Draft): Promise<void> {
  await store.set({ [DRAFT_PREFIX + draft.docId]: draft });
}

export async function discardDraft(store: KeyValueStore, docId: string): Promise<void> {
  await store.remove([DRAFT_PREFIX + docId]);
}

/** Restoring version n saves its files again as a new version: history only ever grows. */
export async function restoreVersion(store: KeyValueStore, state: PacksState, docId: string, n: number, time?: number): Promise<PacksState> {
  const version = versionsOf(state, docId).find((v) => v.n === n);
  if (!version) throw new Error(`no version ${n} of ${docId === OVERLAY_ID ? 'the personal overrides' : docId}`);
  return saveVersion(store, state, docId, await readFiles(store, version), { summary: `Restored version ${n}`, time });
}

/** The files of the newest version of a pack, or null when it has none yet. */
export async function latestFiles(store: KeyValueStore, state: PacksState, docId: string): Promise<PackFile[] | null> {
  const versions = versionsOf(state, docId);
  const v = versions[versions.length - 1];
  return v ? readFiles(store, v) : null;
}
