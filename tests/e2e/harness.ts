// Launches Debian's Chromium with the built extension (dist/) for end-to-end tests.
// One launch per test file (about 0.5 s); everything the browser does is recorded so tests can
// assert "no errors" and "no network" without wiring listeners themselves.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Request, type Worker } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = path.join(repoRoot, 'dist');
export const chromiumPath = process.env.TACTFUL_CHROMIUM ?? '/usr/bin/chromium';

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
}

function assertPrerequisites(): void {
  if (!existsSync(path.join(distDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${distDir}: run \`npm run build\` first (\`npm test\` builds before testing).`);
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\` ` +
        '(or run `bash .ci/run`), or point TACTFUL_CHROMIUM at a Chromium binary.',
    );
  }
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
  assertPrerequisites();
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'tactful-e2e-'));
  const requests: RecordedRequest[] = [];
  const errors: RecordedError[] = [];

  // Chromium >= 132 `--headless` is the new headless mode, which loads extensions.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      `--disable-extensions-except=${distDir}`,
      `--load-extension=${distDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Tests must never reach the internet: only loopback names resolve.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ...(options.extraArgs ?? []),
    ],
  });

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

  const cleanUp = async () => {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };

  let serviceWorker: Worker;
  try {
    const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
    serviceWorker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 }));
  } catch (error) {
    await cleanUp();
    throw new Error(`The extension's service worker did not start; is dist/ a valid extension? (${String(error)})`);
  }

  const extensionId = new URL(serviceWorker.url()).host;
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
