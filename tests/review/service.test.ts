// The service worker's review listener with a stand-in chrome API: who may ask, and the daily alarm.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: chrome.runtime.MessageSender, respond: (r: unknown) => void) => boolean;

function fakeChrome() {
  const listeners: Listener[] = [];
  const alarms: Array<{ name: string; info: chrome.alarms.AlarmCreateInfo }> = [];
  const chromeStub = {
    runtime: {
      id: 'ours',
      getURL: (path: string) => `chrome-extension://ours/${path}`,
      onMessage: { addListener: (l: Listener) => listeners.push(l) },
    },
    storage: { local: { get: async () => ({}) } },
    alarms: {
      onAlarm: { addListener: () => undefined },
      get: async () => undefined,
      create: async (name: string, info: chrome.alarms.AlarmCreateInfo) => void alarms.push({ name, info }),
    },
  };
  vi.stubGlobal('chrome', chromeStub);
  return { listeners, alarms };
}

const ask = (listener: Listener, message: unknown, sender: chrome.runtime.MessageSender) =>
  new Promise<unknown>((resolve) => {
    // A refusal answers synchronously, inside the listener call.
    const handled = listener(message, sender, resolve);
    if (!handled) setTimeout(() => resolve(undefined), 0);
  });

describe('review service', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers our own pages, refuses content scripts and other extensions, ignores other messages', async () => {
    const { listeners, alarms } = fakeChrome();
    const { startReviewService } = await import('../../src/background/log/review-service');
    startReviewService();
    const listener = listeners[0]!;
    const query = { type: 'review/query', filter: {}, offset: 0, limit: 5 };
    const page = { id: 'ours', url: 'chrome-extension://ours/src/review/index.html' };
    expect(await ask(listener, query, page)).toMatchObject({ ok: true, total: 0 });
    const helpdesk = { id: 'ours', url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 3 } as chrome.tabs.Tab };
    expect(await ask(listener, query, helpdesk)).toEqual({ ok: false, error: 'review requests are answered for Tactful pages only' });
    const otherExtension = { id: 'theirs', url: 'chrome-extension://ours/src/review/index.html' };
    expect(await ask(listener, query, otherExtension)).toMatchObject({ ok: false });
    expect(listener({ type: 'panel/subscribe', tabId: 1 }, page, () => undefined)).toBe(false);
    await vi.waitFor(() => expect(alarms).toEqual([{ name: 'tactful/log-retention', info: { periodInMinutes: 1440, delayInMinutes: 1440 } }]));
  });
});
