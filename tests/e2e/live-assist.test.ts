// The live assist end to end on the bundled demo helpdesk: the real content script reads the
// ticket, the real side panel (opened as a tab for that ticket's tab) shows the analysis and the
// playbook, Insert puts the words into the page's reply editor, and the coach reads the draft.
import { createHash, createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf } from '../../src/cli/start/browser';
import { startDemoServer, type DemoServer } from '../../src/cli/start/demo-server';
import { axeViolations } from './axe';
import { launchExtension, type ExtensionSession } from './harness';

describe('live assist on the demo helpdesk', () => {
  let session: ExtensionSession;
  let demo: DemoServer;
  let page: Page;
  let panel: Page;

  const categories = () => panel.locator('[data-testid="categories"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-category')));
  const steps = () => panel.locator('[data-testid="playbook"] > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));

  beforeAll(async () => {
    [session, demo] = await Promise.all([launchExtension(), startDemoServer()]);
    page = await session.context.newPage();
    await page.goto(demo.url('/demo/tickets/1041'));
    const tabId = await tabIdOf(session.serviceWorker, demo.url('/demo/tickets/1041'));
    panel = await session.openExtensionPage(`src/sidepanel/index.html?tab=${tabId}`);
    await panel.getByTestId('playbook').waitFor({ timeout: 15_000 });
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('shows the ticket, what is going on, and why', async () => {
    await expect.poll(() => panel.getByTestId('subject').textContent()).toBe('Charged twice for order #48213');
    await expect.poll(categories).toEqual(expect.arrayContaining(['company_mistake', 'repeat_contact', 'delay']));
    expect(Number(await panel.getByTestId('frustration').getAttribute('data-level'))).toBeGreaterThanOrEqual(3);
    // The latest customer message, without the quoted history, with the cue words marked.
    const message = await panel.getByTestId('customer-message').textContent();
    expect(message).toContain('THIRD time');
    expect(message).not.toContain('Acme Support <help@acme.example> wrote');
    const marked = await panel.locator('[data-testid="customer-message"] mark').allTextContents();
    expect(marked.some((t) => /third time/i.test(t))).toBe(true);
    await expect.poll(() => panel.getByTestId('escalation-notice').count()).toBe(1);
    expect(await steps()).toEqual(expect.arrayContaining(['acknowledge', 'apologise', 'options', 'follow_up']));
  });

  it('inserts a suggestion into the reply editor as a paragraph, without sending', async () => {
    const apology = panel.locator('[data-step="apologise"]');
    const text = (await apology.getByTestId('wording').textContent())!;
    await apology.getByRole('button', { name: /^Insert/ }).click();
    await expect.poll(() => page.locator('#reply-editor').innerText()).toContain(text.trim());
    expect(await page.locator('#thread > li').count()).toBe(4);
    await expect.poll(() => panel.getByTestId('notice').textContent()).toMatch(/Inserted/);
  });

  it('"another wording" changes the text and Dismiss removes the step', async () => {
    const ack = panel.locator('[data-step="acknowledge"]');
    const before = await ack.getByTestId('wording').textContent();
    await ack.getByRole('button', { name: /^Another wording/ }).click();
    await expect.poll(() => ack.getByTestId('wording').textContent()).not.toBe(before);
    await ack.getByRole('button', { name: /^Dismiss/ }).click();
    await expect.poll(steps).not.toContain('acknowledge');
  });

  it('coaches the draft as the agent types it', async () => {
    await page.locator('#reply-editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Obviously you should have read the terms.');
    await expect.poll(() => panel.locator('[data-testid="coach-issues"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))), { timeout: 5_000 })
      .toEqual(expect.arrayContaining(['condescension', 'blame']));
  });

  it('follows a ticket switch and a new customer message', async () => {
    const switched = Date.now();
    await page.evaluate(() => (window as unknown as { demo: { open(id: number): void } }).demo.open(1047));
    await expect.poll(() => panel.locator('main').getAttribute('data-ticket')).toMatch(/1047/);
    await expect.poll(categories).toContain('abuse');
    const latency = Date.now() - switched;
    expect(await steps()).toContain('boundary');
    await expect.poll(() => panel.getByTestId('escalation-notice').textContent()).toMatch(/boundary/i);
    // The dismissed step of the previous ticket does not carry over.
    expect(await steps()).toContain('acknowledge');
    await page.evaluate(() => (window as unknown as { demo: { addCustomerMessage(t: string): void } }).demo.addCustomerMessage('Sorry for my language. I just need the replacement before Friday, my son needs it for school.'));
    await expect.poll(() => panel.getByTestId('customer-message').textContent()).toContain('Sorry for my language');
    console.info(`ticket switch -> suggestions visible: ${latency} ms (browser round trip)`);
  });

  it('says so when the tab leaves the helpdesk', async () => {
    await page.goto('about:blank');
    await expect.poll(() => panel.getByTestId('panel-status').getAttribute('data-state')).toBe('unsupported');
  });

  it('has no accessibility violations, in light and dark mode', async () => {
    await page.goto(demo.url('/demo/tickets/1045'));
    await expect.poll(categories, { timeout: 10_000 }).toContain('escalation_threat');
    expect(await axeViolations(panel)).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'dark' });
    const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(17, 24, 39)');
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('records what the agent did in the local log, without customer text by default', async () => {
    const events = await session.serviceWorker.evaluate(
      () =>
        new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
          const open = indexedDB.open('tactful-log');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction('events').objectStore('events').getAll();
            all.onsuccess = () => resolve(all.result as Array<Record<string, unknown>>);
          };
        }),
    );
    const actions = events.map((e) => `${String(e.action)}:${String(e.step ?? '')}`);
    expect(actions).toEqual(expect.arrayContaining(['shown:apologise', 'inserted:apologise', 'dismissed:acknowledge']));
    expect(events.every((e) => e.excerpt === undefined && typeof e.ticket === 'string' && !String(e.ticket).includes('1041'))).toBe(true);
    expect(new Set(events.map((e) => e.helpdesk))).toEqual(new Set(['demo']));
    // Tickets are grouped by a hash keyed with this profile's own random salt (no team salt by
    // policy here), never by the plain SHA-256 anyone could compute for ticket 1041.
    const salt = await session.serviceWorker.evaluate(async () => (await chrome.storage.local.get('ticketSalt')).ticketSalt as string);
    expect(salt).toMatch(/^[0-9a-f-]{36}$/);
    const tickets = new Set(events.map((e) => e.ticket));
    expect(tickets).toContain(createHmac('sha256', salt).update('demo:1041').digest('hex').slice(0, 16));
    expect(tickets).not.toContain(createHash('sha256').update('demo:1041').digest('hex').slice(0, 16));
  });

  it('made no network request outside loopback and raised no errors', () => {
    expect(session.foreignRequestsFromExtension()).toEqual([]);
    const outside = session.requests.filter((r) => !/^(chrome-extension:|http:\/\/127\.0\.0\.1:|about:|data:)/.test(r.url));
    expect(outside).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
