/**
 * The service worker's side of the QA review page: answers `review/...` runtime messages from our
 * own extension pages only, and applies log retention when the worker starts and once a day
 * (chrome.alarms: a worker that sleeps has no timers).
 */
import { isReviewType } from '../../shared/review-protocol';
import { handleReviewRequest, type ReviewContext } from './review-handler';
import { currentLogSettings, logStore } from './recorder';

export const RETENTION_ALARM = 'tactful/log-retention';
const DAY_MINUTES = 24 * 60;

/** Our own pages (review, options, side panel), never a content script in a helpdesk page. */
function fromOwnPage(sender: chrome.runtime.MessageSender): boolean {
  return sender.id === chrome.runtime.id && (sender.url ?? '').startsWith(chrome.runtime.getURL(''));
}

export function startReviewService(): void {
  // One store connection shared with the recorder; settings with enterprise policy applied.
  const context = async (): Promise<ReviewContext> => ({ store: await logStore(), settings: currentLogSettings, now: Date.now });

  let startup: Promise<void> = Promise.resolve();
  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isReviewType(message)) return false;
    if (!fromOwnPage(sender)) {
      sendResponse({ ok: false, error: 'review requests are answered for Tactful pages only' });
      return false;
    }
    // Requests wait for the start-up retention, so it never cuts into what a request just did.
    startup
      .then(context)
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
  startup = retention();
}
