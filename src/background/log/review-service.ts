/**
 * The service worker's side of the QA review page: answers `review/...` runtime messages from our
 * own extension pages only, and applies log retention when the worker starts and once a day
 * (chrome.alarms: a worker that sleeps has no timers).
 */
import { parseLogSettings, LOG_SETTINGS_KEY } from '../../shared/log-settings';
import { isReviewType } from '../../shared/review-protocol';
import { handleReviewRequest, type ReviewContext } from './review-handler';
import { openLogStore, type LogStore } from './store';

export const RETENTION_ALARM = 'tactful/log-retention';
const DAY_MINUTES = 24 * 60;

/** Our own pages (review, options, side panel), never a content script in a helpdesk page. */
function fromOwnPage(sender: chrome.runtime.MessageSender): boolean {
  return sender.id === chrome.runtime.id && (sender.url ?? '').startsWith(chrome.runtime.getURL(''));
}

async function readSettings() {
  const stored = await chrome.storage.local.get(LOG_SETTINGS_KEY);
  return parseLogSettings(stored[LOG_SETTINGS_KEY]).settings;
}

export function startReviewService(): void {
  let store: Promise<LogStore> | null = null;
  // Opened on first use and kept: the worker is short-lived, the handle dies with it.
  const getStore = () => (store ??= openLogStore().catch((error: unknown) => {
    store = null;
    throw error;
  }));
  const context = async (): Promise<ReviewContext> => ({ store: await getStore(), settings: readSettings, now: Date.now });

  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isReviewType(message)) return false;
    if (!fromOwnPage(sender)) {
      sendResponse({ ok: false, error: 'review requests are answered for Tactful pages only' });
      return false;
    }
    context()
      .then((c) => handleReviewRequest(message, c))
      .catch((error: unknown) => ({ ok: false, error: String(error) }))
      .then(sendResponse);
    return true; // answered asynchronously
  });

  const retention = () =>
    context()
      .then((c) => handleReviewRequest({ type: 'review/retention' }, c))
      .then((r) => {
        if (!r.ok) console.error('Tactful: log retention failed', r.error);
      })
      .catch((error: unknown) => console.error('Tactful: log retention failed', error));

  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void retention();
  });
  // create() replaces an alarm of the same name, so check first to keep the daily rhythm across restarts.
  void chrome.alarms.get(RETENTION_ALARM).then((existing) => {
    if (!existing) return chrome.alarms.create(RETENTION_ALARM, { periodInMinutes: DAY_MINUTES, delayInMinutes: DAY_MINUTES });
  });
  void retention();
}
