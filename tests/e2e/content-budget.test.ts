// The content script must stay light on the helpdesk page: no long task (>= 50 ms) while it reads
// a 2,000-message thread through 20+ ticket switches, and a reload of the extension stops the old
// copy cleanly (no errors in the page, and the new copy takes over).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf } from '../../src/cli/start/browser';
import { startDemoServer, type DemoServer } from '../../src/cli/start/demo-server';
import { launchExtension, type ExtensionSession } from './harness';

type DemoWindow = { demo: { open(id: number): void; tickets: Array<{ id: number; messages: unknown[] }> }; __longTasks: number[] };

describe('content script cost on a 2,000-message thread', () => {
  let session: ExtensionSession;
  let demo: DemoServer;
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    [session, demo] = await Promise.all([launchExtension(), startDemoServer()]);
    page = await session.context.newPage();
    // Record long tasks from the very start of the page.
    await page.addInitScript(() => {
      const w = window as unknown as DemoWindow;
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
    });
    const url = demo.url('/demo/tickets/1041?messages=2000');
    await page.goto(url);
    const tabId = await tabIdOf(session.serviceWorker, url);
    panel = await session.openExtensionPage(`src/sidepanel/index.html?tab=${tabId}`);
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('reads the whole thread and follows 24 ticket switches without a long task', async () => {
    const count = () => page.evaluate(() => document.querySelectorAll('#thread > li').length);
    await expect.poll(count, { timeout: 20_000 }).toBeGreaterThanOrEqual(2004);
    await expect.poll(() => panel.locator('main').getAttribute('data-ticket'), { timeout: 20_000 }).toMatch(/1041$/);
    const ids = await page.evaluate(() => (window as unknown as DemoWindow).demo.tickets.map((t) => t.id));
    // Compare against the page alone: the demo itself renders in batches and makes no long task.
    const baseline = await page.evaluate(() => (window as unknown as DemoWindow).__longTasks.slice());
    const switchMs: number[] = [];
    for (let i = 0; i < 24; i++) {
      const id = ids[(i + 1) % ids.length]!;
      const started = Date.now();
      await page.evaluate((t) => (window as unknown as DemoWindow).demo.open(t), id);
      await expect.poll(() => panel.locator('main').getAttribute('data-ticket'), { timeout: 10_000 }).toMatch(new RegExp(`${id}$`));
      switchMs.push(Date.now() - started);
    }
    switchMs.sort((a, b) => a - b);
    console.info(`ticket switch -> panel on the new ticket (ms): p50 ${switchMs[12]}, max ${switchMs.at(-1)}`);
    // One more message: its report carries the whole cost of the last switch's slice, posting included.
    await page.evaluate(() => (window as unknown as { demo: { addCustomerMessage(t: string): void } }).demo.addCustomerMessage('Any update?'));
    // The panel has the full thread of the last ticket: 2,000 padded messages, its own and the new one.
    const last = ids[24 % ids.length]!;
    const expected = await page.evaluate((t) => (window as unknown as DemoWindow).demo.tickets.find((x) => x.id === t)!.messages.length, last);
    await expect.poll(() => panel.evaluate(() => document.querySelector('main')?.getAttribute('data-messages'))).toBe(String(expected));
    // Our own cost: the content script times each of its slices (preparing, reading, posting) and
    // reports the slowest since its last update; the panel keeps them.
    const slices = ((await panel.locator('main').getAttribute('data-slice-ms')) ?? '').split(' ').map(Number);
    const sorted = [...slices].sort((a, b) => a - b);
    const longTasks = await page.evaluate(() => (window as unknown as DemoWindow).__longTasks);
    console.info(`2,000-message thread, 24 switches: slowest slice per update (ms) ${slices.join(' ')}; page long tasks ${JSON.stringify(longTasks)} (page alone before switching: ${JSON.stringify(baseline)})`);
    expect(slices.length).toBeGreaterThanOrEqual(25);
    expect(sorted[0]).toBeGreaterThan(0);
    // Typical updates stay far below the 50 ms long-task line. A garbage-collection pause or the
    // shared 2-core machine taking the core away can land inside any slice, so a few such updates
    // are tolerated (one in five); a slice that is long by design shows on every switch.
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(25);
    const over = slices.filter((ms) => ms >= 50).length;
    expect(over).toBeLessThanOrEqual(process.env.TACTFUL_STRICT_LONG_TASKS ? 0 : Math.floor(slices.length / 5));
    // On a quiet machine the page shows no long task at all; under load, only the page's own ones may appear.
    if (process.env.TACTFUL_STRICT_LONG_TASKS) expect(longTasks).toEqual([]);
  }, 120_000);

  it('a second copy of the content script (injected on update) takes over from the first', async () => {
    await page.evaluate(() => (window as unknown as DemoWindow).demo.open(1045));
    await session.serviceWorker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url: `${url}*` });
      const file = chrome.runtime.getManifest().content_scripts![0]!.js![0]!;
      await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files: [file] });
    }, demo.url('/demo/tickets/'));
    await page.evaluate(() => (window as unknown as { demo: { addCustomerMessage(t: string): void } }).demo.addCustomerMessage('Still nothing. I am done waiting.'));
    await expect.poll(() => panel.getByTestId('customer-message').textContent(), { timeout: 15_000 }).toContain('I am done waiting');
    expect(session.errors).toEqual([]);
  }, 60_000);

  // Chromium disables a command-line-loaded extension on runtime.reload(), which is the harsher case:
  // the old copy is orphaned with no successor and must stop without errors while the page goes on.
  it('when the extension is reloaded or removed, the orphaned content script stops quietly', async () => {
    await session.serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    for (const id of [1041, 1042, 1047]) {
      await page.evaluate((t) => (window as unknown as DemoWindow).demo.open(t), id);
      await page.evaluate(() => (window as unknown as { demo: { addCustomerMessage(t: string): void } }).demo.addCustomerMessage('Hello?'));
      await page.waitForTimeout(700);
    }
    await page.locator('#reply-editor').click();
    await page.keyboard.type('typing after the reload');
    await page.waitForTimeout(700);
    expect(session.errors.filter((e) => e.source.startsWith(demo.origin))).toEqual([]);
  }, 60_000);
});
