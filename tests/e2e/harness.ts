// Launches Debian's Chromium with the built extension (dist/) for end-to-end tests.
// One launch per test file (about 0.5 s); everything the browser does is recorded so tests can
// assert "no errors" and "no network" without wiring listeners themselves.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, ConsoleMessage, Page, Request, Worker } from 'playwright-core';
import { launchWithExtension } from '../../src/cli/start/browser';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = path.join(repoRoot, 'dist');
export { chromiumPath } from '../../src/cli/start/browser';

export interface RecordedRequest {
  url: string;
  resourceType: string;
  /** URL of the page/frame that made the request, or 'service-worker'. */
  source: string;
}

export interface RecordedError {
  kind: 'pageerror' | 'console' | 'requestfailed';
  source: string;
  text: string;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://<id>` */
  origin: string;
  serviceWorker: Worker;
  requests: RecordedRequest[];
  errors: RecordedError[];
  /** URL of a file in dist/, e.g. `extensionUrl('src/sidepanel/index.html')`. */
  extensionUrl(file: string): string;
  /** Opens an extension page in a new tab and waits for it to load. */
  openExtensionPage(file: string): Promise<Page>;
  /** Requests made by our own pages or service worker to anything but the extension itself. */
  foreignRequestsFromExtension(): RecordedRequest[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  extraArgs?: string[];
  /** Reuse a browser profile (restart tests); a temporary one otherwise. */
  userDataDir?: string;
}

function requestSource(request: Request): string {
  if (request.serviceWorker()) return 'service-worker';
  try {
    return request.frame().url();
  } catch {
    return 'unknown';
  }
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const requests: RecordedRequest[] = [];
  const errors: RecordedError[] = [];
  const browser = await launchWithExtension({ distDir, headless: true, extraArgs: options.extraArgs, userDataDir: options.userDataDir });
  const { context, serviceWorker, extensionId } = browser;

  const onConsole = (source: () => string) => (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push({ kind: 'console', source: source(), text: message.text() });
  };
  const watchPage = (page: Page) => {
    page.on('pageerror', (error) => errors.push({ kind: 'pageerror', source: page.url(), text: String(error.stack ?? error) }));
    page.on('console', onConsole(() => page.url()));
  };
  const watchWorker = (worker: Worker) => worker.on('console', onConsole(() => worker.url()));

  context.on('request', (request) =>
    requests.push({ url: request.url(), resourceType: request.resourceType(), source: requestSource(request) }),
  );
  context.on('requestfailed', (request) =>
    errors.push({ kind: 'requestfailed', source: requestSource(request), text: `${request.url()}: ${request.failure()?.errorText ?? 'failed'}` }),
  );
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.serviceWorkers().forEach(watchWorker);
  context.on('serviceworker', watchWorker);

  const cleanUp = () => browser.close();

  const origin = `chrome-extension://${extensionId}`;
  const extensionUrl = (file: string) => `${origin}/${file.replace(/^\//, '')}`;
  const fromExtension = (r: RecordedRequest) => r.source === 'service-worker' || r.source.startsWith(`${origin}/`);

  return {
    context,
    extensionId,
    origin,
    serviceWorker,
    requests,
    errors,
    extensionUrl,
    async openExtensionPage(file) {
      const page = await context.newPage();
      await page.goto(extensionUrl(file), { waitUntil: 'load' });
      return page;
    },
    foreignRequestsFromExtension: () =>
      requests.filter((r) => fromExtension(r) && !r.url.startsWith(`${origin}/`)),
    close: cleanUp,
  };
}
