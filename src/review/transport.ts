/**
 * The review page's line to the outside: review requests to the service worker, the logging
 * settings in chrome.storage.local, new tabs and file downloads. Model tests use a fake transport
 * that answers requests from a fake-indexeddb store through the same handler the worker uses.
 */
import type { LogSettings } from '../shared/log';
import { LOG_SETTINGS_KEY } from '../shared/log-settings';
import type { ReviewRequest, ReviewResponse } from '../shared/review-protocol';

export interface DownloadFile {
  name: string;
  type: string;
  text: string;
}

export interface ReviewTransport {
  request<T extends ReviewRequest['type']>(request: Extract<ReviewRequest, { type: T }>): Promise<ReviewResponse<T>>;
  /** The raw stored settings (untrusted: the model validates them). */
  loadSettings(): Promise<unknown>;
  saveSettings(settings: LogSettings): Promise<void>;
  /** Absolute URL of an extension file, e.g. the options page. */
  pageUrl(file: string): string;
  openTab(url: string): void;
  download(file: DownloadFile): void;
}

export function chromeTransport(): ReviewTransport {
  return {
    async request(request) {
      // A worker that failed to answer (crashed, restarted mid-request) yields undefined.
      const response = (await chrome.runtime.sendMessage(request)) as ReviewResponse | undefined;
      return (response ?? { ok: false, error: 'the service worker did not answer' }) as never;
    },
    async loadSettings() {
      return (await chrome.storage.local.get(LOG_SETTINGS_KEY))[LOG_SETTINGS_KEY];
    },
    async saveSettings(settings) {
      await chrome.storage.local.set({ [LOG_SETTINGS_KEY]: settings });
    },
    pageUrl: (file) => chrome.runtime.getURL(file),
    openTab(url) {
      void chrome.tabs.create({ url });
    },
    download({ name, type, text }) {
      // A Blob URL and <a download>: no downloads permission, and nothing leaves the machine.
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}
