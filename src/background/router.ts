/**
 * The service worker's message router. Content scripts (untrusted: they live in helpdesk pages)
 * may only report their tab's conversation, the agent's draft and insertion results; only our own
 * extension pages (the side panel) may ask for a tab's state or an insertion. The router keeps the
 * latest conversation per tab so a panel opened later gets it at once.
 */
import {
  applyDelta,
  CONTENT_PORT,
  isContentMessage,
  isPanelMessage,
  PANEL_PORT,
  type BackgroundToContent,
  type ConversationDelta,
  type BackgroundToPanel,
  type PanelCommand,
  type TabStatus,
} from '../shared/protocol';
import type { ConversationMessage, ConversationSnapshot, SelfTest } from '../shared/conversation';
import { recordPanelLog } from './log/recorder';

interface TabState {
  content?: chrome.runtime.Port;
  conversation: ConversationSnapshot | null;
  /** Recent conversations of this tab by ticket key (see `withRememberedHistory`). */
  recent: Map<string, ConversationSnapshot>;
  selfTest?: SelfTest;
  readAt: number;
  draft?: { ticketKey: string; text: string };
}

const tabs = new Map<number, TabState>();
const panels = new Map<number, Set<chrome.runtime.Port>>();

function stateOf(tabId: number): TabState {
  let state = tabs.get(tabId);
  if (!state) tabs.set(tabId, (state = { conversation: null, recent: new Map(), readAt: 0 }));
  return state;
}

const RECENT_TICKETS = 5;
const MAX_EARLY_UPSERTS = 100_000;

/** Whether the panel's status would read the same (the message count alone does not matter). */
function sameSelfTest(a: SelfTest | undefined, b: SelfTest): boolean {
  return !!a && a.helpdesk === b.helpdesk && a.conversation === b.conversation && a.editor === b.editor && a.problems.join('\n') === b.problems.join('\n');
}

/**
 * Some helpdesks reply on a page without the history (RT's Update.html). When a ticket arrives
 * there empty, keep the conversation the agent just read on that ticket, so the playbook stays.
 */
function withRememberedHistory(state: TabState, delta: ConversationDelta): ConversationDelta {
  const earlier = state.recent.get(delta.ticketKey);
  if (delta.keys.length > 0 || !earlier) return delta;
  return { ...delta, subject: delta.subject ?? earlier.subject, requester: delta.requester ?? earlier.requester, upserts: earlier.messages, keys: earlier.messages.map((m) => m.key) };
}

function remember(state: TabState, conversation: ConversationSnapshot): void {
  if (conversation.messages.length === 0) return;
  state.recent.delete(conversation.ticketKey);
  state.recent.set(conversation.ticketKey, conversation);
  if (state.recent.size > RECENT_TICKETS) state.recent.delete(state.recent.keys().next().value as string);
}

function toPanels(tabId: number, message: BackgroundToPanel): void {
  for (const port of panels.get(tabId) ?? []) {
    try {
      port.postMessage(message);
    } catch {
      panels.get(tabId)?.delete(port);
    }
  }
}

function toContent(tabId: number, message: BackgroundToContent): boolean {
  const port = tabs.get(tabId)?.content;
  if (!port) return false;
  try {
    port.postMessage(message);
    return true;
  } catch {
    return false;
  }
}

const isOwnPage = (port: chrome.runtime.Port) =>
  port.sender?.id === chrome.runtime.id && (port.sender?.url ?? '').startsWith(chrome.runtime.getURL(''));

async function unsupportedStatus(tabId: number): Promise<TabStatus> {
  const tab = await chrome.tabs.get(tabId).catch(() => undefined);
  const url = tab?.url;
  if (!url || !/^https?:/.test(url)) return { kind: 'unsupported', url, permissionNeeded: false };
  const origin = new URL(url).origin;
  const granted = await chrome.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false);
  return { kind: 'unsupported', url, origin, permissionNeeded: !granted };
}

async function statusOf(tabId: number): Promise<TabStatus> {
  const state = tabs.get(tabId);
  if (!state?.content || !state.selfTest) return unsupportedStatus(tabId);
  return state.conversation ? { kind: 'conversation', selfTest: state.selfTest } : { kind: 'no-ticket', selfTest: state.selfTest };
}

async function sendStatus(tabId: number): Promise<void> {
  toPanels(tabId, { type: 'background/status', tabId, status: await statusOf(tabId) });
}

function onContentConnect(port: chrome.runtime.Port): void {
  const tabId = port.sender?.tab?.id;
  // Only the top frame of a tab reads the conversation (the RT editor iframe is reached from it).
  if (tabId === undefined || port.sender?.frameId !== 0) return port.disconnect();
  const state = stateOf(tabId);
  state.content?.disconnect();
  state.content = port;
  // The first parts of a large delta (content/upserts), held until its conversation message arrives.
  let early: { ticketKey: string; upserts: ConversationMessage[] } | null = null;
  port.onMessage.addListener((message: unknown) => {
    if (!isContentMessage(message)) return;
    switch (message.type) {
      case 'content/upserts':
        if (early?.ticketKey !== message.ticketKey) early = { ticketKey: message.ticketKey, upserts: [] };
        // An untrusted page cannot make the worker hold more than a very long thread's worth.
        if (early.upserts.length + message.upserts.length <= MAX_EARLY_UPSERTS) early.upserts.push(...message.upserts);
        break;
      case 'content/conversation': {
        const changedStatus = state.conversation === null || !sameSelfTest(state.selfTest, message.selfTest);
        const parts = early?.ticketKey === message.delta.ticketKey ? early.upserts : [];
        early = null;
        const complete = parts.length ? { ...message.delta, upserts: [...parts, ...message.delta.upserts] } : message.delta;
        const delta = withRememberedHistory(state, complete);
        state.conversation = applyDelta(state.conversation, delta);
        remember(state, state.conversation);
        state.selfTest = message.selfTest;
        state.readAt = message.readAt;
        if (changedStatus || delta.reset) void sendStatus(tabId);
        toPanels(tabId, { type: 'background/conversation', tabId, delta, readAt: message.readAt, readMs: message.readMs, previousSliceMs: message.previousSliceMs });
        break;
      }
      case 'content/no-ticket':
        state.conversation = null;
        state.selfTest = message.selfTest;
        void sendStatus(tabId);
        break;
      case 'content/draft':
        state.draft = { ticketKey: message.ticketKey, text: message.text };
        toPanels(tabId, { type: 'background/draft', tabId, ...state.draft });
        break;
      case 'content/inserted':
        toPanels(tabId, { type: 'background/inserted', tabId, requestId: message.requestId, outcome: message.outcome });
        break;
    }
  });
  port.onDisconnect.addListener(() => {
    if (state.content !== port) return;
    state.content = undefined;
    state.conversation = null;
    state.selfTest = undefined;
    void sendStatus(tabId);
  });
}

function fullConversation(tabId: number, state: TabState): BackgroundToPanel | null {
  const c = state.conversation;
  if (!c) return null;
  const delta = { helpdesk: c.helpdesk, ticketKey: c.ticketKey, subject: c.subject, requester: c.requester, upserts: c.messages, keys: c.messages.map((m) => m.key), reset: true };
  return { type: 'background/conversation', tabId, delta, readAt: state.readAt };
}

function onPanelConnect(port: chrome.runtime.Port): void {
  if (!isOwnPage(port)) return port.disconnect();
  let subscribed: number | undefined;
  port.onMessage.addListener((message: unknown) => {
    if (!isPanelMessage(message)) return;
    const { tabId } = message;
    switch (message.type) {
      case 'panel/subscribe': {
        if (subscribed !== undefined) panels.get(subscribed)?.delete(port);
        subscribed = tabId;
        if (!panels.has(tabId)) panels.set(tabId, new Set());
        panels.get(tabId)!.add(port);
        const state = stateOf(tabId);
        void statusOf(tabId).then((status) => {
          port.postMessage({ type: 'background/status', tabId, status } satisfies BackgroundToPanel);
          const full = fullConversation(tabId, state);
          if (full) port.postMessage(full);
          if (state.draft) port.postMessage({ type: 'background/draft', tabId, ...state.draft } satisfies BackgroundToPanel);
        });
        break;
      }
      case 'panel/insert':
        if (!toContent(tabId, { type: 'background/insert', requestId: message.requestId, text: message.text })) {
          port.postMessage({ type: 'background/inserted', tabId, requestId: message.requestId, outcome: { ok: false, reason: 'no-editor' } } satisfies BackgroundToPanel);
        }
        break;
      case 'panel/request-access':
        void enableOrigin(message.origin).then(() => injectInto(tabId));
        break;
      case 'panel/log':
        recordPanelLog(message.entry, tabs.get(tabId)?.conversation ?? null);
        break;
    }
  });
  port.onDisconnect.addListener(() => {
    if (subscribed !== undefined) panels.get(subscribed)?.delete(port);
  });
}

/** The content script file crxjs emitted (one IIFE), for registering on origins granted later. */
function contentScriptFile(): string | undefined {
  return chrome.runtime.getManifest().content_scripts?.[0]?.js?.[0];
}

const scriptId = (origin: string) => `custom:${origin}`;

/** After the agent granted an origin (in the panel, with a gesture): run the content script there from now on. */
export async function enableOrigin(origin: string): Promise<void> {
  const file = contentScriptFile();
  if (!file || !/^https?:\/\/[^/]+$/.test(origin)) return;
  if (!(await chrome.permissions.contains({ origins: [`${origin}/*`] }))) return;
  const id = scriptId(origin);
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length === 0) {
    await chrome.scripting.registerContentScripts([{ id, js: [file], matches: [`${origin}/*`], runAt: 'document_idle', persistAcrossSessions: true }]);
  }
}

async function injectInto(tabId: number): Promise<void> {
  const file = contentScriptFile();
  if (!file || tabs.get(tabId)?.content) return;
  await chrome.scripting.executeScript({ target: { tabId }, files: [file] }).catch((error: unknown) => console.warn('Tactful: could not start on this tab', error));
}

function onCommand(command: string, tab?: chrome.tabs.Tab): void {
  if (tab?.id === undefined || (command !== 'insert-top-suggestion' && command !== 'next-wording')) return;
  toPanels(tab.id, { type: 'background/command', tabId: tab.id, command: command as PanelCommand });
}

/**
 * Chrome does not run declared content scripts in tabs that were open before an install, update
 * or reload: start them there, so an open ticket keeps its assist. Older copies stop themselves.
 */
async function injectIntoOpenTabs(): Promise<void> {
  const file = contentScriptFile();
  const matches = chrome.runtime.getManifest().content_scripts?.[0]?.matches ?? [];
  if (!file || matches.length === 0) return;
  const open = await chrome.tabs.query({ url: matches }).catch(() => []);
  const registered = await chrome.scripting.getRegisteredContentScripts().catch(() => []);
  const custom = registered.flatMap((r) => r.matches ?? []);
  const more = custom.length ? await chrome.tabs.query({ url: custom }).catch(() => []) : [];
  for (const tab of [...open, ...more]) {
    if (tab.id !== undefined && !tab.discarded) {
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: [file] }).catch(() => undefined);
    }
  }
}

export function startRouter(): void {
  chrome.runtime.onInstalled.addListener(() => void injectIntoOpenTabs());
  chrome.runtime.onConnect.addListener((port) => {
    if (port.name === CONTENT_PORT) onContentConnect(port);
    else if (port.name === PANEL_PORT) onPanelConnect(port);
  });
  chrome.tabs.onRemoved.addListener((tabId) => {
    tabs.delete(tabId);
    panels.delete(tabId);
  });
  chrome.commands.onCommand.addListener(onCommand);
  chrome.permissions.onRemoved.addListener(({ origins = [] }) => {
    const ids = origins.map((o) => scriptId(o.replace(/\/\*$/, '')));
    void chrome.scripting.unregisterContentScripts({ ids }).catch(() => undefined);
  });
}
