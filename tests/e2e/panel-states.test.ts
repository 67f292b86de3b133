// The panel's states beyond the happy path, in the real extension: a helpdesk domain Tactful has no
// permission for, and selectors that no longer match the page (a team lead's override here).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf } from '../../src/cli/start/browser';
import { startDemoServer, type DemoServer } from '../../src/cli/start/demo-server';
import { launchExtension, type ExtensionSession } from './harness';

describe('side panel states', () => {
  let session: ExtensionSession;
  let demo: DemoServer;
  let other: Server;
  let otherOrigin: string;

  beforeAll(async () => {
    [session, demo] = await Promise.all([
      launchExtension({ extraArgs: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE 127.0.0.2'] }),
      startDemoServer(),
    ]);
    // Another loopback address: an origin outside the extension's host permissions.
    other = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Intranet desk</title><main><p>Ticket 12</p></main>'));
    await new Promise<void>((ok) => other.listen(0, '127.0.0.2', () => ok()));
    const address = other.address();
    otherOrigin = `http://127.0.0.2:${typeof address === 'object' && address ? address.port : 0}`;
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await demo?.close();
    other?.close();
  });

  // Asking for the permission itself needs a real click on the toolbar (activeTab) and Chrome's
  // prompt, which automation cannot give; what can be checked is that nothing runs there unasked.
  it('on a site outside its permissions it reads nothing and says so', async () => {
    const page = await session.context.newPage();
    await page.goto(`${otherOrigin}/tickets/12`);
    // Without host access the service worker cannot see the URL: take the active tab.
    const tabId = await session.serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null);
    expect(tabId).not.toBeNull();
    const panel = await session.openExtensionPage(`src/sidepanel/index.html?tab=${tabId}`);
    const status = panel.getByTestId('panel-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toMatch(/unsupported|permission/);
    expect(await status.textContent()).toMatch(/not a helpdesk Tactful knows|permission/);
    await page.close();
    await panel.close();
  });

  it('says when the selectors no longer find the conversation, and names the selector', async () => {
    await session.serviceWorker.evaluate(() => chrome.storage.local.set({ selectorOverrides: { demo: { body: '.nope-body' } } }));
    const page = await session.context.newPage();
    const url = demo.url('/demo/tickets/1042');
    await page.goto(url);
    const panel = await session.openExtensionPage(`src/sidepanel/index.html?tab=${await tabIdOf(session.serviceWorker, url)}`);
    const selfTest = panel.getByTestId('selftest');
    await selfTest.waitFor({ timeout: 10_000 });
    expect(await selfTest.textContent()).toMatch(/Could not read the conversation/);
    expect(await selfTest.locator('details').textContent()).toContain('.nope-body');
    await session.serviceWorker.evaluate(() => chrome.storage.local.remove('selectorOverrides'));
    await page.reload();
    await expect.poll(() => panel.locator('[data-testid="categories"] li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await panel.getByTestId('selftest').count()).toBe(0);
  });

  it('raised no errors and made no request outside loopback', () => {
    expect(session.foreignRequestsFromExtension()).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
