/**
 * Keeps the panel's view of the open ticket current. Observes only the adapter's roots (or, until
 * they exist, waits for them), coalesces mutations into one read per idle slice, and posts only
 * what changed. Handles ticket switches (single-page navigation), a service worker that went to
 * sleep (reconnect), and insertion requests.
 */
import type { Adapter, Preparation } from '../adapters/types';
import { insertText, trackLastEditor } from '../adapters/insert';
import type { ConversationMessage, ConversationSnapshot, SelfTest } from '../shared/conversation';
import {
  CONTENT_PORT,
  diffConversation,
  isBackgroundToContent,
  isEmptyDelta,
  partsOf,
  type BackgroundToContent,
  type ContentMessage,
} from '../shared/protocol';

export interface Watcher {
  stop(): void;
}

/** Longest wait before a read happens even if the page never goes idle. */
const IDLE_TIMEOUT_MS = 300;
/** URL polling catches navigation the page does with history.pushState (not observable from here). */
const URL_POLL_MS = 500;
const DRAFT_DEBOUNCE_MS = 400;
/** Work per slice before yielding back to the page (the long-task line is 50 ms; a slice may overrun by one message or the field index). */
const SLICE_MS = 10;
/** The self-test re-queries every selector: run it on ticket changes and then at most this often. */
const SELF_TEST_EVERY_MS = 5_000;

type ConversationPost = Extract<ContentMessage, { type: 'content/conversation' }>;

/** The Scheduler API (Chromium 94+); not in TypeScript's DOM types yet. */
type BackgroundScheduler = { postTask(task: () => void, options: { priority: 'background'; signal: AbortSignal }): Promise<unknown> };

/**
 * The first slice after a change waits for an idle period (the page settles first). Later slices
 * of the same read run as background-priority tasks: Chromium gives at most one idle callback per
 * 50 ms idle period, so one slice per idle callback spent most of a long thread's read waiting.
 * Background tasks still come after the page's input, rendering and its own tasks.
 */
function later(run: () => void, continuing: boolean): () => void {
  const scheduler = (globalThis as { scheduler?: BackgroundScheduler }).scheduler;
  if (continuing && scheduler) {
    const controller = new AbortController();
    scheduler.postTask(run, { priority: 'background', signal: controller.signal }).catch(() => undefined);
    return () => controller.abort();
  }
  const handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  return () => cancelIdleCallback(handle);
}

export function startWatcher(adapter: Adapter): Watcher {
  let port: chrome.runtime.Port | null = null;
  let stopped = false;
  let sent: ConversationSnapshot | null = null;
  let noTicketSent = false;
  let lastUrl = location.href;
  /** Text extraction under way over several slices; dropped when the page changes, since it holds the message list. */
  let preparation: Preparation | null = null;
  /** The text of every message is extracted and cached: the next read is cheap. */
  let prepared = false;
  let selfTestCache: { ticketKey: string | null; hasMessages: boolean; at: number; value: SelfTest } | null = null;
  /** The longest slice since the last report (ms), posting included. */
  let slowestSliceMs = 0;
  /** A delta going out in parts, one part per slice (see `partsOf`). */
  let outgoing: { ticketKey: string; parts: ConversationMessage[][]; message: ConversationPost } | null = null;
  /** Something changed while a read could not be scheduled. */
  let readAgain = false;
  /** Cancels the scheduled read, if any. */
  let pending: (() => void) | null = null;
  let observed: Element[] = [];
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  let draftTarget: Document | null = null;
  /** The reply editor as of the last read: looked up once per read, not on every event. */
  let editor: HTMLElement | null = null;
  // Typing in an editor inside the conversation root is not a conversation change: no read per keystroke.
  const observer = new MutationObserver((records) => {
    if (editor && records.every((r) => editor!.contains(r.target))) return;
    preparation = null;
    prepared = false;
    scheduleRead();
  });
  // The agent's last editor and caret: clicking the panel takes focus away before Insert arrives.
  const editors = trackLastEditor(document, (el) => el === editor);

  function post(message: ContentMessage): void {
    if (!port) connect();
    try {
      port?.postMessage(message);
    } catch {
      port = null;
    }
  }

  function connect(): void {
    if (stopped) return;
    // After the extension is reloaded or removed, this copy is orphaned: stop quietly.
    if (!chrome.runtime?.id) return stop();
    try {
      port = chrome.runtime.connect({ name: CONTENT_PORT });
    } catch {
      return stop();
    }
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(() => {
      port = null;
      // The service worker sleeps after a while; a fresh one has no state, so resend everything.
      sent = null;
      outgoing = null;
      noTicketSent = false;
      if (!stopped && chrome.runtime?.id) scheduleRead();
      else stop();
    });
  }

  function onMessage(message: unknown): void {
    if (!isBackgroundToContent(message)) return;
    void handle(message);
  }

  async function handle(message: BackgroundToContent): Promise<void> {
    if (message.type === 'background/resend') {
      sent = null;
      noTicketSent = false;
      return scheduleRead();
    }
    const remembered = editors.last();
    const target = remembered?.editor.isConnected ? remembered.editor : adapter.findEditor(document);
    const selection = remembered?.editor === target ? remembered.selection : undefined;
    const outcome = await insertText(target, message.text, { selection });
    post({ type: 'content/inserted', requestId: message.requestId, outcome });
  }

  function observeRoots(): void {
    const roots = adapter.roots(document);
    const same = roots.length === observed.length && roots.every((r, i) => r === observed[i]);
    if (same && roots.length > 0) return;
    observer.disconnect();
    observed = roots;
    if (roots.length > 0) {
      for (const root of roots) observer.observe(root, { childList: true, subtree: true, characterData: true });
    } else {
      // The history is not there yet (loaded by AJAX): watch the body for it, cheaply.
      observer.observe(document.body, { childList: true, subtree: true });
    }
  }

  function scheduleRead(): void {
    if (stopped) return;
    // A read under way covers the change, unless it is only sending an earlier delta's parts.
    if (pending !== null) {
      readAgain = true;
      return;
    }
    pending = later(read, false);
  }

  function read(): void {
    pending = null;
    if (stopped) return;
    const started = performance.now();
    try {
      if (outgoing) sendNextPart();
      else readSlice(started);
    } finally {
      slowestSliceMs = Math.max(slowestSliceMs, performance.now() - started);
    }
  }

  function readSlice(started: number): void {
    readAgain = false;
    lastUrl = location.href;
    observeRoots();
    // Long threads: extract message text over several slices, then read from the warm cache.
    if (adapter.prepare && !prepared) {
      // Whether it finished or not, the read itself gets a slice of its own.
      preparation ??= adapter.prepare(document);
      prepared = preparation.step(() => performance.now() - started < SLICE_MS);
      pending = later(read, true);
      return;
    }
    // Finished and nothing changed since (a change drops it): its messages are the page's messages.
    const finished = prepared ? (preparation ?? undefined) : undefined;
    prepared = false;
    preparation = null;
    const url = new URL(location.href);
    const snapshot = adapter.read(document, url, finished);
    const selfTest = selfTestFor(snapshot, url);
    watchDraft();
    if (!snapshot) {
      sent = null;
      if (!noTicketSent) post({ type: 'content/no-ticket', selfTest });
      noTicketSent = true;
      return;
    }
    noTicketSent = false;
    const delta = diffConversation(sent, snapshot);
    if (isEmptyDelta(sent, delta)) return;
    sent = snapshot;
    // The cost of this slice to the page, reported so tests and the panel can see it.
    const readMs = Math.round((performance.now() - started) * 10) / 10;
    const parts = partsOf(delta.upserts);
    outgoing = { ticketKey: delta.ticketKey, parts, message: { type: 'content/conversation', delta, selfTest, readAt: Date.now(), readMs } };
    sendNextPart();
  }

  /** Posts the next part of the outgoing delta; the last goes in the conversation message itself. */
  function sendNextPart(): void {
    const current = outgoing!;
    const part = current.parts.shift() ?? [];
    if (current.parts.length > 0) {
      post({ type: 'content/upserts', ticketKey: current.ticketKey, upserts: part });
      pending = later(read, true);
      return;
    }
    outgoing = null;
    // Posting serializes the message, so a slice's whole cost goes out with the next report.
    const previousSliceMs = Math.round(slowestSliceMs * 10) / 10;
    slowestSliceMs = 0;
    post({ ...current.message, delta: { ...current.message.delta, upserts: part }, previousSliceMs });
    // Changes that came while the parts went out.
    if (readAgain) scheduleRead();
  }

  function selfTestFor(snapshot: ConversationSnapshot | null, url: URL): SelfTest {
    const now = performance.now();
    const ticketKey = snapshot?.ticketKey ?? null;
    const hasMessages = (snapshot?.messages.length ?? 0) > 0;
    const cached = selfTestCache;
    // Fresh on a new ticket, when messages appear or vanish (history loaded late, selectors broke), and every few seconds.
    if (!cached || cached.ticketKey !== ticketKey || cached.hasMessages !== hasMessages || now - cached.at > SELF_TEST_EVERY_MS) {
      selfTestCache = { ticketKey, hasMessages, at: now, value: adapter.selfTest(document, url, snapshot) };
    }
    return selfTestCache!.value;
  }

  /** The agent's draft, for the coach: listen to input on the reply editor's document (an iframe for RT). */
  function watchDraft(): void {
    editor = adapter.findEditor(document);
    const doc = editor?.ownerDocument ?? null;
    if (doc === draftTarget) return;
    draftTarget?.removeEventListener('input', onDraftInput, true);
    draftTarget = doc;
    doc?.addEventListener('input', onDraftInput, true);
    // An editor in an iframe (CKEditor 4) keeps its focus events inside: follow that document too.
    if (doc && doc !== document) editors.watch(doc);
  }

  function onDraftInput(): void {
    clearTimeout(draftTimer);
    draftTimer = setTimeout(() => {
      const current = editor?.isConnected ? editor : adapter.findEditor(document);
      if (!current || !sent) return;
      const text = current instanceof HTMLTextAreaElement || current instanceof HTMLInputElement ? current.value : current.innerText;
      post({ type: 'content/draft', ticketKey: sent.ticketKey, text: text.slice(0, 100_000) });
    }, DRAFT_DEBOUNCE_MS);
  }

  const urlTimer = setInterval(() => {
    if (location.href !== lastUrl) scheduleRead();
  }, URL_POLL_MS);
  addEventListener('popstate', scheduleRead);

  function stop(): void {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    clearInterval(urlTimer);
    clearTimeout(draftTimer);
    pending?.();
    removeEventListener('popstate', scheduleRead);
    draftTarget?.removeEventListener('input', onDraftInput, true);
    editors.stop();
    try {
      port?.disconnect();
    } catch {
      // already gone with the extension
    }
    port = null;
  }

  // Connecting costs a few ms: do it now rather than inside the first read's slice.
  connect();
  scheduleRead();
  return { stop };
}
