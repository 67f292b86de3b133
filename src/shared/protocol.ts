/**
 * Messages between the content script, the service worker and the side panel, named by direction
 * (`content/...` is sent by a content script, `panel/...` by the side panel, `background/...` by the
 * service worker). Everything crossing a Port is checked with `is*Message` before it is used: a
 * helpdesk page is not trusted, and a malformed message is dropped, never thrown on.
 */
import type { ConversationMessage, ConversationSnapshot, InsertOutcome, SelfTest } from './conversation';
import { LOG_ACTIONS, type LogEvent } from './log';

export const CONTENT_PORT = 'tactful/content';
export const PANEL_PORT = 'tactful/panel';

/** A change to the open conversation: new or edited messages plus the full key order. */
export interface ConversationDelta {
  helpdesk: string;
  ticketKey: string;
  subject?: string;
  requester?: string;
  /** Messages that are new or whose text changed since the last delta for this ticket. */
  upserts: ConversationMessage[];
  /** Keys of all messages, oldest first (a key missing here was removed). */
  keys: string[];
  /** True when this delta starts a new ticket (or resends everything): the receiver drops what it had. */
  reset: boolean;
}

export type ContentMessage =
  /**
   * `readMs`: how long the page was busy reading and diffing for this message: the content script's
   * cost, reported so it is measured. `previousSliceMs`: the longest of the script's slices since
   * the previous report, posting (serializing) included, which only a slice's end can know.
   */
  | { type: 'content/conversation'; delta: ConversationDelta; selfTest: SelfTest; readAt: number; readMs?: number; previousSliceMs?: number }
  /**
   * The first messages of a large delta, sent a slice at a time so that no single post serializes a
   * whole long thread; the `content/conversation` that follows carries the rest and applies them all.
   */
  | { type: 'content/upserts'; ticketKey: string; upserts: ConversationMessage[] }
  | { type: 'content/no-ticket'; selfTest: SelfTest }
  | { type: 'content/draft'; ticketKey: string; text: string }
  | { type: 'content/inserted'; requestId: string; outcome: InsertOutcome };

export type BackgroundToContent =
  | { type: 'background/insert'; requestId: string; text: string }
  /** A panel subscribed: send the whole conversation again. */
  | { type: 'background/resend' };

/** What the panel knows about one agent action, for the suggestion log (the service worker adds who and when, and applies the logging mode). */
export type PanelLogEntry = Pick<
  LogEvent,
  'action' | 'packId' | 'packVersion' | 'ruleIds' | 'categories' | 'frustration' | 'boundary' | 'suggestionId' | 'step' | 'reason' | 'cues'
> & {
  /** Key of the customer message the suggestion answered (its text and names stay in the service worker). */
  messageKey: string;
};

export type PanelMessage =
  | { type: 'panel/subscribe'; tabId: number }
  | { type: 'panel/log'; tabId: number; entry: PanelLogEntry }
  | { type: 'panel/insert'; tabId: number; requestId: string; text: string }
  | { type: 'panel/request-access'; tabId: number; origin: string };

/** What the panel knows about its tab. */
export type TabStatus =
  /** No content script on this page: not a helpdesk we know, or one we have no permission for. */
  | { kind: 'unsupported'; url?: string; origin?: string; permissionNeeded: boolean }
  | { kind: 'no-ticket'; selfTest: SelfTest }
  | { kind: 'conversation'; selfTest: SelfTest };

export type BackgroundToPanel =
  | { type: 'background/status'; tabId: number; status: TabStatus }
  | { type: 'background/conversation'; tabId: number; delta: ConversationDelta; readAt: number; readMs?: number; previousSliceMs?: number }
  | { type: 'background/draft'; tabId: number; ticketKey: string; text: string }
  | { type: 'background/inserted'; tabId: number; requestId: string; outcome: InsertOutcome }
  | { type: 'background/command'; tabId: number; command: PanelCommand };

/** Keyboard commands the panel acts on (manifest `commands`). */
export const PANEL_COMMANDS = ['insert-top-suggestion', 'next-wording'] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];

const MAX_TEXT = 1_000_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const isOptionalString = (v: unknown) => v === undefined || isString(v, 10_000);
const isTabId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function isMessage(v: unknown): v is ConversationMessage {
  return (
    isObject(v) &&
    isString(v.key, 500) &&
    (v.role === 'customer' || v.role === 'agent' || v.role === 'internal') &&
    isString(v.text) &&
    isOptionalString(v.author) &&
    isOptionalString(v.time)
  );
}

export function isSelfTest(v: unknown): v is SelfTest {
  return (
    isObject(v) &&
    isString(v.helpdesk, 100) &&
    typeof v.conversation === 'boolean' &&
    typeof v.editor === 'boolean' &&
    Number.isInteger(v.messages) &&
    Array.isArray(v.problems) &&
    v.problems.every((p) => isString(p, 1000))
  );
}

export function isDelta(v: unknown): v is ConversationDelta {
  return (
    isObject(v) &&
    isString(v.helpdesk, 100) &&
    isString(v.ticketKey, 500) &&
    isOptionalString(v.subject) &&
    isOptionalString(v.requester) &&
    Array.isArray(v.upserts) &&
    v.upserts.every(isMessage) &&
    Array.isArray(v.keys) &&
    v.keys.every((k) => isString(k, 500)) &&
    typeof v.reset === 'boolean'
  );
}

function isOutcome(v: unknown): v is InsertOutcome {
  if (!isObject(v)) return false;
  return v.ok === true ? isString(v.editor, 100) : v.ok === false && ['no-editor', 'rejected', 'not-verified'].includes(v.reason as string);
}

/** Checks a message from a content script (untrusted: it lives in the helpdesk page's process). */
export function isContentMessage(v: unknown): v is ContentMessage {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'content/conversation':
      return (
        isDelta(v.delta) && isSelfTest(v.selfTest) && typeof v.readAt === 'number' &&
        (v.readMs === undefined || typeof v.readMs === 'number') && (v.previousSliceMs === undefined || typeof v.previousSliceMs === 'number')
      );
    case 'content/upserts':
      return isString(v.ticketKey, 500) && Array.isArray(v.upserts) && v.upserts.every(isMessage);
    case 'content/no-ticket':
      return isSelfTest(v.selfTest);
    case 'content/draft':
      return isString(v.ticketKey, 500) && isString(v.text, 100_000);
    case 'content/inserted':
      return isString(v.requestId, 100) && isOutcome(v.outcome);
    default:
      return false;
  }
}

export function isPanelMessage(v: unknown): v is PanelMessage {
  if (!isObject(v) || !isTabId(v.tabId)) return false;
  switch (v.type) {
    case 'panel/subscribe':
      return true;
    case 'panel/insert':
      return isString(v.requestId, 100) && isString(v.text, 100_000);
    case 'panel/request-access':
      return isString(v.origin, 500);
    case 'panel/log':
      return isLogEntry(v.entry);
    default:
      return false;
  }
}

const isStringList = (v: unknown) => Array.isArray(v) && v.length <= 500 && v.every((x) => isString(x, 200));

function isLogEntry(v: unknown): v is PanelLogEntry {
  return (
    isObject(v) &&
    (LOG_ACTIONS as readonly unknown[]).includes(v.action) &&
    isString(v.messageKey, 500) &&
    isString(v.packId, 200) &&
    isString(v.packVersion, 100) &&
    isStringList(v.ruleIds) &&
    isStringList(v.categories) &&
    Number.isInteger(v.frustration) &&
    typeof v.boundary === 'boolean' &&
    isOptionalString(v.suggestionId) &&
    isOptionalString(v.step) &&
    isOptionalString(v.reason) &&
    (v.cues === undefined ||
      (Array.isArray(v.cues) && v.cues.every((c) => isObject(c) && isString(c.ruleId, 200) && Number.isInteger(c.start) && Number.isInteger(c.end))))
  );
}

export function isBackgroundToContent(v: unknown): v is BackgroundToContent {
  if (!isObject(v)) return false;
  if (v.type === 'background/resend') return true;
  return v.type === 'background/insert' && isString(v.requestId, 100) && isString(v.text, 100_000);
}

/**
 * Applies a delta to the messages a receiver holds (background and panel keep the same state).
 * Returns the new conversation; unknown keys in `keys` without an upsert are dropped.
 */
export function applyDelta(previous: ConversationSnapshot | null, delta: ConversationDelta): ConversationSnapshot {
  const known = new Map<string, ConversationMessage>();
  if (previous && !delta.reset && previous.ticketKey === delta.ticketKey) for (const m of previous.messages) known.set(m.key, m);
  for (const m of delta.upserts) known.set(m.key, m);
  const messages: ConversationMessage[] = [];
  for (const key of delta.keys) {
    const m = known.get(key);
    if (m) messages.push(m);
  }
  return { helpdesk: delta.helpdesk, ticketKey: delta.ticketKey, subject: delta.subject, requester: delta.requester, messages };
}

/** The delta that turns `previous` into `next` (what the content script sends after a read). */
export function diffConversation(previous: ConversationSnapshot | null, next: ConversationSnapshot): ConversationDelta {
  const reset = !previous || previous.ticketKey !== next.ticketKey;
  const before = new Map<string, string>();
  if (!reset) for (const m of previous!.messages) before.set(m.key, `${m.role}\u0000${m.author ?? ''}\u0000${m.text}`);
  const upserts = next.messages.filter((m) => before.get(m.key) !== `${m.role}\u0000${m.author ?? ''}\u0000${m.text}`);
  return {
    helpdesk: next.helpdesk,
    ticketKey: next.ticketKey,
    subject: next.subject,
    requester: next.requester,
    upserts,
    keys: next.messages.map((m) => m.key),
    reset,
  };
}

/** Text per posted part of a delta: serializing a 2,000-message thread in one post took up to 50 ms of the page's time. */
const PART_CHARS = 50_000;

/** Splits a delta's messages into parts of about `partChars` of text (at least one message each; always one part, maybe empty). */
export function partsOf(upserts: ConversationMessage[], partChars = PART_CHARS): ConversationMessage[][] {
  const parts: ConversationMessage[][] = [[]];
  let chars = 0;
  for (const message of upserts) {
    const size = message.text.length + (message.author?.length ?? 0) + message.key.length;
    if (chars + size > partChars && parts.at(-1)!.length > 0) {
      parts.push([]);
      chars = 0;
    }
    parts.at(-1)!.push(message);
    chars += size;
  }
  return parts;
}

/** True when a delta carries nothing new (same keys, no upserts, same metadata). */
export function isEmptyDelta(previous: ConversationSnapshot | null, delta: ConversationDelta): boolean {
  return (
    !delta.reset &&
    delta.upserts.length === 0 &&
    previous !== null &&
    previous.subject === delta.subject &&
    previous.requester === delta.requester &&
    previous.messages.length === delta.keys.length &&
    previous.messages.every((m, i) => m.key === delta.keys[i])
  );
}
