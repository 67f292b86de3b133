/**
 * Runs the content script on custom helpdesks' pages (the team lead's and the administrator's).
 * Chrome runs declared content scripts only on the manifest's hosts, so each custom pattern the
 * user has granted gets a registered script; the set follows storage and permission changes.
 */
import { hostMatches } from '../shared/match-host';
import { CUSTOM_HELPDESKS_KEY, parseCustomHelpdesks, POLICY_KEY } from '../shared/settings';

const PREFIX = 'helpdesk:';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
}

export interface ScriptPlan {
  unregister: string[];
  register: Array<{ id: string; pattern: string }>;
}

const PARTS = /^(\*|https?):\/\/([^/]+)(\/.*)$/;

/** Whether the declared pattern already covers every page of `pattern` (then a registered copy would run twice). */
export function covers(declared: string, pattern: string): boolean {
  const d = PARTS.exec(declared);
  const p = PARTS.exec(pattern);
  if (!d || !p) return false;
  const [, dScheme = '', dHost = '', dPath] = d;
  const [, scheme = '', portHost = ''] = p;
  // A pattern without a port matches every port, as Chrome's do.
  const host = portHost.replace(/:\d+$/, '');
  const schemeOk = dScheme === '*' || dScheme === scheme;
  return schemeOk && hostMatches(dHost, host) && dPath === '/*';
}

/**
 * What to change so exactly the granted custom patterns not already covered by the manifest (or
 * by a script the side panel registered for an origin) have our script, with the current file.
 */
export function scriptPlan(input: { patterns: readonly string[]; granted: ReadonlySet<string>; declared: readonly string[]; registered: readonly RegisteredScript[]; file: string }): ScriptPlan {
  const others = input.registered.filter((s) => !s.id.startsWith(PREFIX)).flatMap((s) => s.matches ?? []);
  const wanted = new Map(
    input.patterns
      .filter((p) => input.granted.has(p) && ![...input.declared, ...others].some((d) => covers(d, p)))
      .map((p) => [PREFIX + p, p]),
  );
  const ours = input.registered.filter((s) => s.id.startsWith(PREFIX));
  const unregister = ours.filter((s) => !wanted.has(s.id) || s.js?.[0] !== input.file).map((s) => s.id);
  const kept = new Set(ours.map((s) => s.id).filter((id) => !unregister.includes(id)));
  const register = [...wanted].filter(([id]) => !kept.has(id)).map(([id, pattern]) => ({ id, pattern }));
  return { unregister, register };
}

async function sync(): Promise<void> {
  const manifest = chrome.runtime.getManifest().content_scripts?.[0];
  const file = manifest?.js?.[0];
  if (!file) return;
  const stored = await chrome.storage.local.get([CUSTOM_HELPDESKS_KEY, POLICY_KEY]);
  const policy = (stored[POLICY_KEY] ?? {}) as { customHelpdesks?: unknown };
  const definitions = [...parseCustomHelpdesks(policy.customHelpdesks).definitions, ...parseCustomHelpdesks(stored[CUSTOM_HELPDESKS_KEY]).definitions];
  const patterns = [...new Set(definitions.flatMap((d) => d.matches))];
  const granted = new Set<string>();
  for (const pattern of patterns) {
    if (await chrome.permissions.contains({ origins: [pattern] }).catch(() => false)) granted.add(pattern);
  }
  const registered = await chrome.scripting.getRegisteredContentScripts();
  const plan = scriptPlan({ patterns, granted, declared: manifest.matches ?? [], registered, file });
  if (plan.unregister.length > 0) await chrome.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (plan.register.length > 0) {
    await chrome.scripting.registerContentScripts(
      plan.register.map(({ id, pattern }) => ({ id, js: [file], matches: [pattern], runAt: 'document_idle' as const, persistAcrossSessions: true })),
    );
  }
}

/** Sync now and on every change that matters; one sync at a time (registering an id twice fails). */
export function startCustomHelpdeskScripts(): void {
  let queue = Promise.resolve();
  const run = () => {
    queue = queue.then(sync).catch((error: unknown) => console.warn('Tactful: could not register the content script for custom helpdesks', error));
  };
  run();
  chrome.permissions.onAdded.addListener(run);
  chrome.permissions.onRemoved.addListener(run);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (CUSTOM_HELPDESKS_KEY in changes || POLICY_KEY in changes)) run();
  });
}
