/** A review transport for node tests: requests go through the service worker's real handler to a fake-indexeddb store. */
import { handleReviewRequest } from '../../src/background/log/review-handler';
import type { LogStore } from '../../src/background/log/store';
import { parseLogSettings } from '../../src/shared/log-settings';
import type { DownloadFile, ReviewTransport } from '../../src/review/transport';

export interface FakeTransport extends ReviewTransport {
  stored: { value: unknown };
  opened: string[];
  downloads: DownloadFile[];
  requests: string[];
}

export function fakeTransport(store: LogStore, now: () => number): FakeTransport {
  const stored: { value: unknown } = { value: undefined };
  const opened: string[] = [];
  const downloads: DownloadFile[] = [];
  const requests: string[] = [];
  return {
    stored, opened, downloads, requests,
    async request(request) {
      requests.push(request.type);
      // A structured clone, as runtime messaging does: the model must not share objects with the store.
      const response = await handleReviewRequest(structuredClone(request), { store, now, settings: async () => parseLogSettings(stored.value).settings });
      return structuredClone(response) as never;
    },
    loadSettings: async () => stored.value,
    saveSettings: async (settings) => void (stored.value = structuredClone(settings)),
    pageUrl: (file) => `chrome-extension://test/${file}`,
    openTab: (url) => void opened.push(url),
    download: (file) => void downloads.push(file),
  };
}
