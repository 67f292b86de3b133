/**
 * Rule packs as a team lead keeps them: the built-in pack (bundled, read-only), team packs (typed,
 * imported, or pushed by policy) and a personal overlay of overrides applied on top of them all.
 * This file is the stored shape and the pure operations on it; packs-store.ts reads and writes
 * it, packs-merge.ts turns it into the files the engine compiles.
 *
 * Every save is a version whose files are stored once per distinct text (content-addressed blobs),
 * so a hundred versions of a 700 KB pack cost little more than the lines that changed.
 */

/** Same shape as the engine's PackFile (shared may not import the engine). */
export interface PackFile {
  /** Path inside the pack folder, e.g. `pack.yaml`, `playbook/apologise.yaml`. */
  path: string;
  text: string;
}

/**
 * A problem in a pack or an overlay, pointing at file:line:column. Deliberately the same shape as
 * the engine's PackError: shared may not import the engine, and the compiler's errors must fit here.
 */
export interface PackProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
  ruleId?: string;
}

export function formatProblem(p: PackProblem): string {
  return `${p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file}: ${p.severity}: ${p.message}${p.ruleId ? ` [${p.ruleId}]` : ''}`;
}

export const BUILT_IN_ID = 'builtin';
export const OVERLAY_ID = 'overlay';
export const OVERLAY_FILE = 'overrides.yaml';
/** Policy packs are listed as `policy:<id>` so an admin's id never collides with a team pack's. */
export const POLICY_PREFIX = 'policy:';
export const PACKS_SCHEMA_VERSION = 1;
/** Older versions beyond this many per pack are dropped (the newest are always kept). */
export const MAX_VERSIONS = 100;

export interface VersionMeta {
  /** 1, 2, 3 ... per pack; a restore is a new number, never a rewrite of history. */
  n: number;
  /** Milliseconds since the epoch. */
  time: number;
  summary: string;
  /** path -> blob key of the file's text. */
  files: Record<string, string>;
  /** Lines added and removed against the previous version. */
  added: number;
  removed: number;
}

export interface TeamPack {
  /** Lowercase id (also the folder name on export). */
  id: string;
  name: string;
  enabled: boolean;
  /** Oldest first; empty while the pack only has a draft (then it is not active). */
  versions: VersionMeta[];
}

export interface PacksState {
  schema: typeof PACKS_SCHEMA_VERSION;
  builtInEnabled: boolean;
  /** Pack ids (team ids, `builtin`, `policy:<id>`), first wins: its pack.yaml and its rules take precedence. */
  order: string[];
  /** Ids of policy packs the user switched off (locked ones cannot be). */
  disabledPolicyPacks: string[];
  packs: TeamPack[];
  overlay: { versions: VersionMeta[] };
}

/** An unsaved edit: kept while typing and across restarts; never active until saved as a version. */
export interface Draft {
  docId: string;
  files: PackFile[];
  time: number;
}

export function emptyState(): PacksState {
  return { schema: PACKS_SCHEMA_VERSION, builtInEnabled: true, order: [BUILT_IN_ID], disabledPolicyPacks: [], packs: [], overlay: { versions: [] } };
}

export const PACK_ID = /^[a-z0-9][a-z0-9.-]{0,63}$/;

export function latest(versions: readonly VersionMeta[]): VersionMeta | undefined {
  return versions[versions.length - 1];
}

export function versionsOf(state: PacksState, docId: string): VersionMeta[] {
  if (docId === OVERLAY_ID) return state.overlay.versions;
  return state.packs.find((p) => p.id === docId)?.versions ?? [];
}

/** A copy of the state with `docId`'s history replaced (history capped at MAX_VERSIONS). */
export function withVersions(state: PacksState, docId: string, versions: VersionMeta[]): PacksState {
  const capped = versions.slice(-MAX_VERSIONS);
  if (docId === OVERLAY_ID) return { ...state, overlay: { versions: capped } };
  return { ...state, packs: state.packs.map((p) => (p.id === docId ? { ...p, versions: capped } : p)) };
}

export function addTeamPack(state: PacksState, id: string, name: string): PacksState {
  if (!PACK_ID.test(id)) throw new Error(`pack id "${id}" must be lowercase letters, digits, dots or dashes`);
  if (id === BUILT_IN_ID || id === OVERLAY_ID || state.packs.some((p) => p.id === id)) throw new Error(`a pack with id "${id}" already exists`);
  // A new pack goes first: the team lead made it to change what the panel suggests.
  return { ...state, packs: [...state.packs, { id, name, enabled: true, versions: [] }], order: [id, ...state.order.filter((o) => o !== id)] };
}

export function removeTeamPack(state: PacksState, id: string): PacksState {
  return { ...state, packs: state.packs.filter((p) => p.id !== id), order: state.order.filter((o) => o !== id) };
}

export function setEnabled(state: PacksState, id: string, enabled: boolean): PacksState {
  if (id === BUILT_IN_ID) return { ...state, builtInEnabled: enabled };
  if (id.startsWith(POLICY_PREFIX)) {
    const others = state.disabledPolicyPacks.filter((p) => p !== id);
    return { ...state, disabledPolicyPacks: enabled ? others : [...others, id] };
  }
  return { ...state, packs: state.packs.map((p) => (p.id === id ? { ...p, enabled } : p)) };
}

/** Every known pack id in precedence order: stored order first, then any not yet placed (new policy packs first). */
export function orderedIds(state: PacksState, policyIds: readonly string[] = []): string[] {
  const known = new Set([BUILT_IN_ID, ...state.packs.map((p) => p.id), ...policyIds]);
  const placed = state.order.filter((id) => known.has(id));
  const missing = [...policyIds, ...state.packs.map((p) => p.id), BUILT_IN_ID].filter((id) => !placed.includes(id));
  return [...missing.filter((id) => id.startsWith(POLICY_PREFIX)), ...placed, ...missing.filter((id) => !id.startsWith(POLICY_PREFIX))];
}

/** Move a pack up (-1) or down (+1) in precedence. */
export function move(state: PacksState, id: string, delta: -1 | 1, policyIds: readonly string[] = []): PacksState {
  const order = orderedIds(state, policyIds);
  const i = order.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= order.length) return state;
  [order[i], order[j]] = [order[j]!, order[i]!];
  return { ...state, order };
}

export interface Migrated {
  state: PacksState;
  /** What was repaired or could not be read, in plain words. */
  problems: string[];
  /** True when the stored data is from a newer Tactful: show it, but never overwrite it. */
  readOnly: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function repairVersions(raw: unknown, where: string, problems: string[]): VersionMeta[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((v, i): v is VersionMeta => {
    const ok = isObject(v) && typeof v.n === 'number' && typeof v.time === 'number' && isObject(v.files) && Object.values(v.files).every((h) => typeof h === 'string');
    if (!ok) problems.push(`${where}: version ${i + 1} could not be read and is not shown`);
    return ok;
  }).map((v) => ({ ...v, summary: typeof v.summary === 'string' ? v.summary : '', added: Number(v.added) || 0, removed: Number(v.removed) || 0 }));
}

/**
 * Read whatever is stored (untrusted: an older Tactful, a newer one, a hand edit) as the current
 * schema. Keeps what is valid and names what was not; data from a newer schema is read-only so a
 * downgrade never destroys a team lead's work.
 */
export function migrate(raw: unknown): Migrated {
  if (raw === undefined || raw === null) return { state: emptyState(), problems: [], readOnly: false };
  if (!isObject(raw)) return { state: emptyState(), problems: ['stored rule packs could not be read; starting empty (the old value is kept as a backup)'], readOnly: false };
  const schema = typeof raw.schema === 'number' ? raw.schema : 0;
  if (schema > PACKS_SCHEMA_VERSION) {
    return { state: emptyState(), problems: [`rule packs were saved by a newer Tactful (schema ${schema}); they are kept untouched and editing is disabled`], readOnly: true };
  }
  const problems: string[] = [];
  // No older schema has shipped; a value without `schema` is read field by field like schema 1.
  const packs: TeamPack[] = [];
  for (const [i, p] of (Array.isArray(raw.packs) ? raw.packs : []).entries()) {
    if (!isObject(p) || typeof p.id !== 'string' || !PACK_ID.test(p.id)) {
      problems.push(`team pack ${i + 1} has no valid id and is not shown`);
      continue;
    }
    if (packs.some((q) => q.id === p.id)) continue;
    packs.push({ id: p.id, name: typeof p.name === 'string' ? p.name : p.id, enabled: p.enabled !== false, versions: repairVersions(p.versions, `pack ${p.id}`, problems) });
  }
  const order = Array.isArray(raw.order) ? raw.order.filter((o): o is string => typeof o === 'string') : [BUILT_IN_ID];
  const disabled = Array.isArray(raw.disabledPolicyPacks) ? raw.disabledPolicyPacks.filter((o): o is string => typeof o === 'string') : [];
  const overlay = isObject(raw.overlay) ? repairVersions(raw.overlay.versions, 'personal overrides', problems) : [];
  return {
    state: { schema: PACKS_SCHEMA_VERSION, builtInEnabled: raw.builtInEnabled !== false, order, disabledPolicyPacks: disabled, packs, overlay: { versions: overlay } },
    problems,
    readOnly: false,
  };
}
