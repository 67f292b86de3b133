/**
 * Content script: runs in helpdesk pages. Picks the helpdesk adapter (with the team lead's custom
 * helpdesks and selector fixes from storage), then hands the page to the watcher. It never
 * analyses text (the engine runs in our extension pages) and never touches the page's own
 * scripts. Built as one IIFE file so it can also be registered on custom helpdesk origins.
 */
import { pickAdapter, withDefinition, withOverrides } from '../adapters/registry';
import type { Adapter } from '../adapters/types';
import { CUSTOM_HELPDESKS_KEY, parseCustomHelpdesks, parseSelectorOverrides, POLICY_KEY, SELECTOR_OVERRIDES_KEY } from '../shared/settings';
import { startWatcher } from './watcher';

/** A newer copy of this script (extension reloaded or re-injected) tells older copies to stop. */
const TAKEOVER_EVENT = 'tactful:content-takeover';

async function chooseAdapter(): Promise<Adapter> {
  const stored = await chrome.storage.local.get([CUSTOM_HELPDESKS_KEY, SELECTOR_OVERRIDES_KEY, POLICY_KEY]).catch(() => ({}) as Record<string, unknown>);
  // Enterprise policy (written by the service worker) first: an admin's helpdesks and selector fixes win.
  const policy = (stored[POLICY_KEY] ?? {}) as { customHelpdesks?: unknown; selectorOverrides?: unknown };
  const custom = [...parseCustomHelpdesks(policy.customHelpdesks).definitions, ...parseCustomHelpdesks(stored[CUSTOM_HELPDESKS_KEY]).definitions];
  const adapter = pickAdapter(document, new URL(location.href), custom);
  const id = adapter.definition.id;
  const own = parseSelectorOverrides(stored[SELECTOR_OVERRIDES_KEY]).overrides[id];
  const admin = parseSelectorOverrides(policy.selectorOverrides).overrides[id];
  const fixes = own || admin ? { ...own, ...admin } : undefined;
  return fixes ? withDefinition(adapter, withOverrides(adapter.definition, fixes)) : adapter;
}

async function main(): Promise<void> {
  const instance = `${Date.now()}-${Math.random()}`;
  document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT, { detail: instance }));
  const watcher = startWatcher(await chooseAdapter());
  const onTakeover = (event: Event) => {
    if ((event as CustomEvent).detail === instance) return;
    watcher.stop();
    document.removeEventListener(TAKEOVER_EVENT, onTakeover);
  };
  document.addEventListener(TAKEOVER_EVENT, onTakeover);
}

void main().catch((error: unknown) => console.warn('Tactful could not start on this page', error));
