/**
 * Launches Debian's Chromium with the built extension loaded, for `npm start` and the browser
 * tests. Network is closed: only loopback names resolve, and Chromium's own background traffic
 * (updates, sync, safe browsing) is switched off.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const chromiumPath = process.env.TACTFUL_CHROMIUM ?? '/usr/bin/chromium';

export interface LaunchedBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

export interface BrowserOptions {
  distDir: string;
  headless: boolean;
  extraArgs?: string[];
  /** Reuse a profile (to test persistence across restarts); a temporary one otherwise. */
  userDataDir?: string;
  viewport?: { width: number; height: number } | null;
}

export function assertBrowserPrerequisites(distDir: string): void {
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

export async function launchWithExtension(options: BrowserOptions): Promise<LaunchedBrowser> {
  assertBrowserPrerequisites(options.distDir);
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'tactful-chromium-'));
  // Chromium >= 132 `--headless` is the new headless mode, which loads extensions.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: options.headless,
    viewport: options.viewport === undefined ? undefined : options.viewport,
    args: [
      `--disable-extensions-except=${options.distDir}`,
      `--load-extension=${options.distDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ...(options.extraArgs ?? []),
    ],
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
    const serviceWorker =
      context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 }));
    return { context, serviceWorker, extensionId: new URL(serviceWorker.url()).host, userDataDir, close };
  } catch (error) {
    await close();
    throw new Error(`The extension's service worker did not start; is ${options.distDir} a valid extension? (${String(error)})`);
  }
}

/** The id of the tab showing `url` (the service worker can see tabs on origins it has access to). */
export async function tabIdOf(serviceWorker: Worker, url: string): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const id = await serviceWorker.evaluate(async (prefix) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t) => t.url?.startsWith(prefix))?.id ?? null;
    }, url);
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No tab shows ${url}`);
}
