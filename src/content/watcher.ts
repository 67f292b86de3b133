/**
 * Keeps the panel's view of the open ticket current. Observes only the adapter's roots (or, until
 * they exist, waits for them), coalesces mutations into one read per idle slice, and posts only
 * what changed. Handles ticket switches (single-page navigation), a service worker that went to
 * sleep (reconnect), and insertion requests.
 */
import type { Adapter } from '../adapters/types';
import { insertText, trackLastEditor } from '../adapters/insert';
import type { ConversationSnapshot, SelfTest } from '../shared/conversation';
import {
  CONTENT_PORT,
  diffConversation,
  isBackgroundToContent,
  isEmptyDelta,
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
/** Work per idle slice before yielding back to the page (the long-task line is 50 ms). */
const SLICE_MS = 15;
/** The self-test re-queries every selector: run it on ticket changes and then at most this often. */
const SELF_TEST_EVERY_MS = 5_000;

export function startWatcher(adapter: Adapter): Watcher {
  let port: chrome.runtime.Port | null = null;
  let stopped = false;
  let sent: ConversationSnapshot | null = null;
  let noTicketSent = false;
  let lastUrl = location.href;
  /** The text of every message is extracted and cached: the next read is cheap. */
  let prepared = false;
  let selfTestCache: { ticketKey: string | null; hasMessages: boolean; at: number; value: SelfTest } | null = null;
  let pending: number | null = null;
  let observed: Element[] = [];
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  let draftTarget: Document | null = null;
  /** The reply editor as of the last read: looked up once per read, not on every event. */
  let editor: HTMLElement | null = null;
  // Typing in an editor inside the conversation root is not a conversation change: no read per keystroke.
  const observer = new MutationObserver((records) => {
    if (editor && records.every((r) => editor!.contains(r.target))) return;
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
    if (stopped || pending !== null) return;
    pending = requestIdleCallback(read, { timeout: IDLE_TIMEOUT_MS });
  }

  function read(): void {
    pending = null;
    if (stopped) return;
    const started = performance.now();
    lastUrl = location.href;
    observeRoots();
    // Long threads: extract message text over several idle slices, then read from the warm cache.
    if (adapter.prepare && !prepared) {
      // Whether it finished or not, the read itself gets a slice of its own.
      prepared = adapter.prepare(document, () => performance.now() - started < SLICE_MS);
      pending = requestIdleCallback(read, { timeout: IDLE_TIMEOUT_MS });
      return;
    }
    prepared = false;
    const url = new URL(location.href);
    const snapshot = adapter.read(document, url);
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
    // The cost of this slice to the page (read and diff), reported so tests and the panel can see it.
    const readMs = Math.round((performance.now() - started) * 10) / 10;
    post({ type: 'content/conversation', delta, selfTest, readAt: Date.now(), readMs });
  }

  function selfTestFor(snapshot: ConversationSnapshot | null, url: URL): SelfTest {
    const now = performance.now();
    const ticketKey = snapshot?.ticketKey ?? null;
    const hasMessages = (snapshot?.messages.length ?? 0) > 0;
    const cached = selfTestCache;
    // Fresh on a new ticket, when messages appear or vanish (history loaded late, selectors broke), and every few seconds.
    if (!cached || cached.ticketKey !== ticketKey || cached.hasMessages !== hasMessages || now - cached.at > SELF_TEST_EVERY_MS) {
      selfTestCache = { ticketKey, hasMessages, at: now, value: adapter.selfTest(document, url) };
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
    if (pending !== null) cancelIdleCallback(pending);
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

  scheduleRead();
  return { stop };
}
