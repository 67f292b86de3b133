/**
 * Records what agents do with suggestions, from the panel's log entries, into the local log.
 * The logging mode (off / metadata / excerpts) is read for every entry, so a change applies at
 * once; the customer text for an excerpt is taken here from the tab's conversation and redacted
 * by buildEvent before it is stored. A failed write is reported, never thrown into the router.
 */
import type { ConversationSnapshot } from '../../shared/conversation';
import type { LogSettings } from '../../shared/log';
import { LOG_SETTINGS_KEY, parseLogSettings } from '../../shared/log-settings';
import type { PolicyLogging } from '../../shared/packs-policy';
import { POLICY_KEY } from '../../shared/packs-store';
import type { PanelLogEntry } from '../../shared/protocol';
import { buildEvent } from './build-event';
import { openLogStore, type LogStore } from './store';

const AGENT_ID_KEY = 'agentId';
/** This profile's key for ticket hashes, used when policy sets no team salt. */
const TICKET_SALT_KEY = 'ticketSalt';

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
  const policy = stored[POLICY_KEY] as { logging?: PolicyLogging | null } | undefined;
  return parseLogSettings({ ...(stored[LOG_SETTINGS_KEY] as object | undefined), ...(policy?.logging ?? {}) }).settings;
}

/** A random value made once for this browser profile and kept in local storage. */
async function profileRandom(key: string): Promise<string> {
  const stored = await chrome.storage.local.get(key);
  const existing = stored[key];
  if (typeof existing === 'string' && existing) return existing;
  const value = crypto.randomUUID();
  await chrome.storage.local.set({ [key]: value });
  return value;
}

/** Tells agents apart in a merged team view without naming them. */
const agentId = () => profileRandom(AGENT_ID_KEY);

/**
 * The team's salt from policy lets a merged team view group one ticket across agents; without it
 * each profile salts with its own random value (private by default, grouped per agent only).
 */
async function ticketSalt(): Promise<string> {
  const stored = await chrome.storage.local.get(POLICY_KEY);
  const policy = stored[POLICY_KEY] as { logging?: PolicyLogging | null } | undefined;
  const teamSalt = policy?.logging?.ticketSalt;
  return typeof teamSalt === 'string' && teamSalt ? teamSalt : profileRandom(TICKET_SALT_KEY);
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
        { ...entry, agent: await agentId(), helpdesk: conversation.helpdesk, ticketKey: conversation.ticketKey, ticketSalt: await ticketSalt(), text: message?.text, names },
        settings,
        Date.now(),
      );
      if (event) await (await logStore()).add([event]);
    })
    .catch((error: unknown) => console.warn('Tactful: could not record a log event', error));
}
