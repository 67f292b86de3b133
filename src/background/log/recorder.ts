/**
 * Records what agents do with suggestions, from the panel's log entries, into the local log.
 * The logging mode (off / metadata / excerpts) is read for every entry, so a change applies at
 * once; the customer text for an excerpt is taken here from the tab's conversation and redacted
 * by buildEvent before it is stored. A failed write is reported, never thrown into the router.
 */
import type { ConversationSnapshot } from '../../shared/conversation';
import type { LogSettings } from '../../shared/log';
import { LOG_SETTINGS_KEY, parseLogSettings } from '../../shared/log-settings';
import { POLICY_KEY } from '../../shared/packs-store';
import type { PanelLogEntry } from '../../shared/protocol';
import { buildEvent } from './build-event';
import { openLogStore, type LogStore } from './store';

const AGENT_ID_KEY = 'agentId';

let store: Promise<LogStore> | null = null;
/** One connection for the whole service worker. */
export function logStore(): Promise<LogStore> {
  store ??= openLogStore().catch((error: unknown) => {
    store = null;
    throw error;
  });
  return store;
}

/** The agent's settings, with what enterprise policy sets on top (an admin's logging mode wins). */
export async function currentLogSettings(): Promise<LogSettings> {
  const stored = await chrome.storage.local.get([LOG_SETTINGS_KEY, POLICY_KEY]);
  const policy = stored[POLICY_KEY] as { logging?: Partial<LogSettings> | null } | undefined;
  return parseLogSettings({ ...(stored[LOG_SETTINGS_KEY] as object | undefined), ...(policy?.logging ?? {}) }).settings;
}

/** A random id for this browser profile: tells agents apart in a merged team view without naming them. */
async function agentId(): Promise<string> {
  const stored = await chrome.storage.local.get(AGENT_ID_KEY);
  const existing = stored[AGENT_ID_KEY];
  if (typeof existing === 'string' && existing) return existing;
  const id = crypto.randomUUID();
  await chrome.storage.local.set({ [AGENT_ID_KEY]: id });
  return id;
}

let queue: Promise<void> = Promise.resolve();

export function recordPanelLog(entry: PanelLogEntry, conversation: ConversationSnapshot | null): void {
  if (!conversation) return;
  queue = queue
    .then(async () => {
      const settings = await currentLogSettings();
      if (settings.mode === 'off') return;
      const message = conversation.messages.find((m) => m.key === entry.messageKey);
      const names = [conversation.requester, ...conversation.messages.map((m) => m.author)].filter((n): n is string => !!n);
      const event = await buildEvent(
        { ...entry, agent: await agentId(), helpdesk: conversation.helpdesk, ticketKey: conversation.ticketKey, text: message?.text, names },
        settings,
        Date.now(),
      );
      if (event) await (await logStore()).add([event]);
    })
    .catch((error: unknown) => console.warn('Tactful: could not record a log event', error));
}
