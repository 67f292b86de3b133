/**
 * What the side panel analyses with: the enabled packs in precedence order (policy, team, built
 * in), merged, with the personal overlay on top. Saved versions only: drafts never become active.
 * If the merge does not compile (an overlay rewording with a bad slot, two packs that clash), the
 * panel still gets a working pack: without the overlay, then without the packs the errors point
 * into, then the built-in pack alone, and is told why.
 */
import { BUILT_IN_ID, formatProblem, migrate, OVERLAY_FILE, OVERLAY_ID, POLICY_PREFIX, type PackFile, type PackProblem, type PacksState } from './packs';
import { mergePacks, sourcePrefix, type PackSource } from './packs-merge';
import { blameOverlay, parseOverlay, type Overlay } from './packs-overlay';
import { NO_POLICY, readEffectivePolicy, type Compile, type EffectivePolicy } from './packs-policy';
import { latestFiles, POLICY_KEY, STATE_KEY, type KeyValueStore } from './packs-store';

export interface ActiveInput {
  sources: PackSource[];
  overlayText: string | null;
}

export interface ActivePack<P> {
  pack: P;
  /** The merged files that were compiled (paths prefixed by pack: `packs/<id>/...`). */
  files: PackFile[];
  /** Ids of the packs that made it in, first wins. */
  sources: string[];
  /** Plain-words notes for the team lead (fallbacks, stale overrides). */
  problems: string[];
}

/** Which packs are enabled, in order, honouring policy locks and `allowUserPacks`. */
export function enabledIds(state: PacksState, policy: EffectivePolicy): string[] {
  const policyIds = policy.packs.map((p) => p.id);
  const locked = new Set(policy.lockedPackIds);
  const lockedFirst = policyIds.filter((id) => locked.has(id));
  const rest = [...state.order, ...policyIds, ...state.packs.map((p) => p.id), BUILT_IN_ID].filter((id, i, all) => all.indexOf(id) === i && !lockedFirst.includes(id));
  return [...lockedFirst, ...rest].filter((id) => {
    if (locked.has(id)) return true;
    if (id === BUILT_IN_ID) return state.builtInEnabled;
    if (id.startsWith(POLICY_PREFIX)) return policyIds.includes(id) && !state.disabledPolicyPacks.includes(id);
    if (!policy.allowUserPacks) return false;
    const p = state.packs.find((q) => q.id === id);
    return !!p && p.enabled && p.versions.length > 0;
  });
}

export async function readActiveInput(store: KeyValueStore, builtIn: PackFile[]): Promise<ActiveInput & { state: PacksState; policy: EffectivePolicy }> {
  const stored = await store.get([STATE_KEY, POLICY_KEY]);
  const { state } = migrate(stored[STATE_KEY]);
  const policy = stored[POLICY_KEY] === undefined ? NO_POLICY : readEffectivePolicy(stored[POLICY_KEY]);
  const sources: PackSource[] = [];
  for (const id of enabledIds(state, policy)) {
    if (id === BUILT_IN_ID) sources.push({ id, files: builtIn });
    else if (id.startsWith(POLICY_PREFIX)) sources.push({ id, files: policy.packs.find((p) => p.id === id)!.files });
    else {
      const files = await latestFiles(store, state, id);
      if (files) sources.push({ id, files });
    }
  }
  const overlay = await latestFiles(store, state, OVERLAY_ID);
  return { sources, overlayText: overlay?.[0]?.text ?? null, state, policy };
}

export function compileActive<P>(input: ActiveInput, builtIn: PackFile[], compile: Compile<P>): ActivePack<P> {
  const problems: string[] = [];
  const parsed = input.overlayText === null ? null : parseOverlay(input.overlayText);
  if (parsed && parsed.errors.length > 0) problems.push(`the personal overrides have errors and are not applied: ${parsed.errors.map(formatProblem).join('; ')}`);
  const overlay = parsed && parsed.errors.length === 0 ? parsed.overlay : null;
  let lastErrors: PackProblem[] = [];
  const attempt = (sources: PackSource[], o: Overlay | null, fallback: string): ActivePack<P> | null => {
    if (sources.length === 0) {
      problems.push('no pack is enabled');
      return null;
    }
    const merged = mergePacks(sources, o);
    const result = compile(merged.files);
    if (result.ok) {
      if (fallback) problems.push(`running ${fallback}`);
      return { pack: result.pack, files: merged.files, sources: sources.map((s) => s.id), problems: [...problems, ...merged.problems] };
    }
    lastErrors = result.errors.filter((e) => e.severity === 'error');
    problems.push(`the enabled packs do not compile together: ${(o ? blameOverlay(lastErrors.slice(0, 5), o) : lastErrors.slice(0, 5)).map(formatProblem).join('; ')}`);
    return null;
  };
  const first = attempt(input.sources, overlay, '') ?? (overlay ? attempt(input.sources, null, `without the personal overrides (${OVERLAY_FILE})`) : null);
  if (first) return first;
  // Leave out only the packs the errors point into (their files carry the pack's prefix), so one
  // bad pack does not take the team's other packs down with it.
  const culprits = input.sources.filter((s) => sourcePrefix(s.id) !== '' && lastErrors.some((e) => e.file.startsWith(sourcePrefix(s.id))));
  const rest = input.sources.filter((s) => !culprits.includes(s));
  const without = culprits.length > 0 && rest.length > 0 ? attempt(rest, null, `without ${culprits.map((s) => s.id).join(', ')}`) : null;
  if (without) return without;
  const builtInOnly = attempt([{ id: BUILT_IN_ID, files: builtIn }], null, 'with the built-in pack only');
  if (builtInOnly) return builtInOnly;
  throw new Error(`no rule pack compiles: ${problems.join('\n')}`);
}

/**
 * The side panel's entry point:
 *   const active = await loadActivePack(chromeStore(chrome.storage.local), builtInPackFiles(), compilePack);
 *   createPanelModel(active.pack, ...); active.problems -> a notice in the panel.
 */
export async function loadActivePack<P>(store: KeyValueStore, builtIn: PackFile[], compile: Compile<P>): Promise<ActivePack<P>> {
  return compileActive(await readActiveInput(store, builtIn), builtIn, compile);
}

/** Calls back when what is active may have changed (a saved version, a policy update); returns unsubscribe. */
export function onActivePackChange(store: KeyValueStore, listener: () => void): () => void {
  return store.subscribe?.((keys) => {
    if (keys.includes(STATE_KEY) || keys.includes(POLICY_KEY)) listener();
  }) ?? (() => undefined);
}
