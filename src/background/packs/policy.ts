/**
 * Enterprise policy in the service worker: read chrome.storage.managed (now and whenever the admin
 * changes it), check every part with the parsers the pages use, and store the effective policy
 * for pages to read. A bad policy never breaks the extension: the bad part is left out and named
 * for the admin on the options page. Packs are checked for shape here and compiled by the pages
 * (the worker does not load the engine; see packs-policy.ts).
 */
import { parsePolicy, type EffectivePolicy } from '../../shared/packs-policy';
import { chromeStore, POLICY_KEY, type KeyValueStore } from '../../shared/packs-store';

export interface PolicyDeps {
  managed: KeyValueStore;
  local: KeyValueStore;
  now?: () => number;
  /** Pause after a change before re-reading (an admin tool may write several keys in a row). */
  debounceMs?: number;
}

export async function applyPolicy(deps: PolicyDeps): Promise<EffectivePolicy> {
  let raw: Record<string, unknown>;
  try {
    raw = await deps.managed.get(null);
  } catch {
    raw = {}; // no managed storage on this platform: nothing is enforced
  }
  let effective: EffectivePolicy;
  try {
    effective = parsePolicy(raw, undefined, deps.now?.());
  } catch (e) {
    // A bug of ours must not take the extension down: say so, enforce what is simplest to trust.
    effective = parsePolicy({}, undefined, deps.now?.());
    effective = { ...effective, managed: true, errors: [`the policy could not be read: ${(e as Error).message}`] };
  }
  await deps.local.set({ [POLICY_KEY]: effective });
  return effective;
}

/** Apply now and on every change; returns a stop function (for tests). */
export function startPolicy(deps: PolicyDeps = { managed: chromeStore(chrome.storage.managed, 'managed'), local: chromeStore(chrome.storage.local) }): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () =>
    applyPolicy(deps).catch((e: unknown) => console.warn('Tactful: could not store the effective policy', e));
  void run();
  const stop = deps.managed.subscribe?.(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), deps.debounceMs ?? 200);
  });
  return () => {
    if (timer) clearTimeout(timer);
    stop?.();
  };
}
