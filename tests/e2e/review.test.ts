// The QA review page in the built extension: seeded through its own import request, then used as a
// reviewer would (filters, charts, drill-in, export/import, retention), plus the log's isolation
// from helpdesk pages and a 100,000-event query.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_ACTIONS, type LogEvent } from '../../src/shared/log';
import { matchesFilter, type LogFilter } from '../../src/shared/log-filter';
import { toNdjson } from '../../src/shared/log-format';
import { axeViolations } from './axe';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { launchExtension, type ExtensionSession } from './harness';

const DAY = 86_400_000;
const RULES = ['delay.waiting', 'delay.again', 'billing.charged-twice', 'abuse.insult', 'escalation.manager', 'refund.ask'];
const HELPDESKS = ['demo', 'rt', 'zendesk'];
const EXCERPT = 'I have waited two weeks and you people are useless';

/** Deterministic events spread over the last `days` days (relative to now, so retention has something to cut). */
function makeEvents(count: number, agent: string, now: number, days: number, seed = 1): LogEvent[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: count }, (_, i) => {
    const rule = RULES[Math.floor(rnd() * RULES.length)]!;
    return {
      id: `${agent}-${i}`, agent, time: now - DAY / 24 - Math.floor(rnd() * days * DAY), helpdesk: HELPDESKS[Math.floor(rnd() * 3)]!,
      ticket: 'abcdef0123456789', packId: 'en-default', packVersion: '1.0.0', action: LOG_ACTIONS[Math.floor(rnd() * LOG_ACTIONS.length)]!,
      ruleIds: [rule], categories: [rule.split('.')[0]!], frustration: Math.floor(rnd() * 5), boundary: rnd() < 0.1, suggestionId: 'delay-ack', step: 'acknowledge',
    };
  });
}

const totalOf = async (page: Page) => Number(await page.getByTestId('total').getAttribute('data-total'));
const waitTotal = (page: Page, n: number) => expect.poll(() => totalOf(page), { timeout: 10_000 }).toBe(n);

describe('QA review page', () => {
  let session: ExtensionSession;
  let page: Page;
  let server: FixtureServer;
  const now = Date.now();
  const mine = makeEvents(400, 'agent-a', now, 120);
  // The newest event carries an excerpt with two cues, so it is the first row.
  const reviewed: LogEvent = {
    ...mine[0]!, id: 'agent-a-excerpt', time: now - 60_000, action: 'dismissed', ruleIds: ['delay.waiting', 'abuse.insult'], categories: ['delay', 'abuse'],
    excerpt: EXCERPT, cues: [{ ruleId: 'delay.waiting', start: 2, end: 23 }, { ruleId: 'abuse.insult', start: 28, end: 50 }],
  };
  let log = [reviewed, ...mine];
  const expected = (filter: LogFilter) => log.filter((e) => matchesFilter(e, filter)).length;

  beforeAll(async () => {
    session = await launchExtension();
    server = await startFixtureServer();
    page = await session.openExtensionPage('src/review/index.html');
    // Seeded through the page's own request to the service worker, as an import of an export.
    const result = await page.evaluate((text) => chrome.runtime.sendMessage({ type: 'review/import', text }), toNdjson(log));
    expect(result).toMatchObject({ ok: true, added: log.length, duplicates: 0, invalid: 0 });
    await page.reload();
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await session?.close();
  });

  it('shows every event, renders only the rows in view, and narrows with the filters', async () => {
    await waitTotal(page, log.length);
    const rendered = await page.getByTestId('event-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    await page.getByLabel('Helpdesk', { exact: true }).fill('rt');
    await page.getByLabel('Helpdesk', { exact: true }).press('Enter');
    await page.getByLabel('Helpdesk', { exact: true }).blur();
    await waitTotal(page, expected({ helpdesk: 'rt' }));
    await page.getByLabel('Rule', { exact: true }).selectOption('delay.waiting');
    await waitTotal(page, expected({ helpdesk: 'rt', ruleId: 'delay.waiting' }));
    await page.getByLabel('Frustration from', { exact: true }).fill('2');
    await page.getByLabel('Frustration from', { exact: true }).blur();
    await waitTotal(page, expected({ helpdesk: 'rt', ruleId: 'delay.waiting', minFrustration: 2 }));
    const to = new Date(now - 10 * DAY).toISOString().slice(0, 10);
    await page.getByLabel('To (UTC)', { exact: true }).fill(to);
    await waitTotal(page, expected({ helpdesk: 'rt', ruleId: 'delay.waiting', minFrustration: 2, to: Date.parse(`${to}T00:00:00Z`) + DAY }));
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await page.getByLabel('Action', { exact: true }).selectOption('dismissed');
    await waitTotal(page, expected({ action: 'dismissed' }));
    expect(await page.getByTestId('event-row').nth(0).locator('td').nth(2).textContent()).toBe('dismissed');
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await waitTotal(page, log.length);
  });

  it('scrolls through the table, fetching rows as they come into view', async () => {
    await page.locator('.table-scroll').evaluate((el) => (el.scrollTop = 300 * 32));
    await expect.poll(() => page.getByTestId('event-row').first().getAttribute('aria-rowindex')).not.toBe('2');
    const index = Number(await page.getByTestId('event-row').first().getAttribute('aria-rowindex'));
    expect(index).toBeGreaterThan(250);
    await page.locator('.table-scroll').evaluate((el) => (el.scrollTop = 0));
  });

  it('draws the charts and the statistics tables', async () => {
    for (const id of ['chart-days', 'chart-categories']) {
      const canvas = page.getByTestId(id).locator('canvas');
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(100);
    }
    const rulesTable = page.getByTestId('stats-rules');
    const delay = log.filter((e) => e.ruleIds.includes('delay.waiting') && e.action === 'shown').length;
    expect(await rulesTable.locator('tr', { has: page.getByRole('rowheader', { name: 'delay.waiting', exact: true }) }).locator('td').first().textContent()).toBe(String(delay));
  });

  it('drills into an event: highlighted cues, what happened, and a false-positive proposal', async () => {
    await page.getByTestId('event-row').first().getByRole('button').click();
    const detail = page.getByTestId('event-detail');
    await detail.waitFor();
    expect(await detail.locator('mark').allTextContents()).toEqual(['have waited two weeks', 'you people are useless']);
    expect(await page.getByTestId('excerpt').textContent()).toBe(EXCERPT);
    expect(await page.getByTestId('detail-action').textContent()).toBe('dismissed');
    const [options] = await Promise.all([
      session.context.waitForEvent('page'),
      detail.getByRole('button', { name: /Mark as false positive: abuse.insult/ }).click(),
    ]);
    await options.waitForLoadState();
    const url = new URL(options.url());
    expect(url.pathname).toBe('/src/options/index.html');
    expect(url.searchParams.get('propose')).toBe('abuse.insult');
    expect(url.searchParams.get('text')).toBe('you people are useless');
    await options.close();
  });

  it('passes axe in light and dark mode, with an event open', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('exports the filtered log, and the export re-imports as duplicates', async () => {
    await page.getByLabel('Category', { exact: true }).selectOption('billing');
    const billing = expected({ category: 'billing' });
    await waitTotal(page, billing);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export NDJSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tactful-log-.*\.ndjson$/);
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(billing);
    await page.getByTestId('import-input').setInputFiles(file);
    const row = page.getByTestId('import-report').locator('tbody tr');
    await expect.poll(() => row.locator('[data-col=duplicates]').textContent()).toBe(String(billing));
    expect(await row.locator('[data-col=added]').textContent()).toBe('0');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect((await readFile(await csv.path(), 'utf8')).split('\n')[0]).toMatch(/^id,time,agent/);
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await waitTotal(page, log.length);
  });

  it("merges a second agent's files: the total grows by the new events only", async () => {
    const theirs = makeEvents(50, 'agent-b', now, 20, 7);
    const overlap = log.slice(0, 10);
    await page.getByTestId('import-input').setInputFiles([
      { name: 'agent-b.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(toNdjson([...theirs, ...overlap])) },
      { name: 'broken.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${JSON.stringify(theirs[0])}\n{"id":1}\n`) },
    ]);
    log = [...log, ...theirs];
    await waitTotal(page, log.length);
    const rows = page.getByTestId('import-report').locator('tbody tr');
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual(['50', '10', '0', '']);
    expect(await rows.nth(1).locator('td').allTextContents()).toEqual(['0', '1', '1', expect.stringMatching(/^line 2: /)]);
  });

  it('applies retention when the settings are saved', async () => {
    await page.getByLabel('Keep events for (days)', { exact: true }).fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const cutoff = Date.now() - 30 * DAY;
    log = log.filter((e) => e.time >= cutoff);
    await waitTotal(page, log.length);
    expect(await page.getByTestId('notice').textContent()).toMatch(/Retention deleted \d+ events/);
    const stored = await session.serviceWorker.evaluate(() => chrome.storage.local.get('logSettings'));
    expect(stored).toEqual({ logSettings: { mode: 'metadata', retentionDays: 30, maxEvents: 200_000 } });
  });

  it('keeps the log out of reach of helpdesk pages and their content scripts (another origin)', async () => {
    const helpdesk = await session.context.newPage();
    await helpdesk.goto(server.url('/agent/tickets/1'));
    const seen = await helpdesk.evaluate(
      () =>
        new Promise<{ stores: string[]; version: number }>((resolve, reject) => {
          const request = indexedDB.open('tactful-log');
          request.onsuccess = () => resolve({ stores: [...request.result.objectStoreNames], version: request.result.version });
          request.onerror = () => reject(request.error);
        }),
    );
    expect(seen).toEqual({ stores: [], version: 1 });
    await helpdesk.close();
  });

  it('answers a filtered query over 100,000 events quickly', async () => {
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'review/clear' }));
    const big = makeEvents(100_000, 'agent-big', now, 25, 3);
    const started = Date.now();
    const result = await page.evaluate((text) => chrome.runtime.sendMessage({ type: 'review/import', text }), toNdjson(big));
    const importMs = Date.now() - started;
    expect(result).toMatchObject({ ok: true, added: 100_000 });
    // Right after a 100,000-event write the database is still settling (reads were 5-10x slower in
    // the first seconds): measure the steady state a reviewer meets.
    await page.waitForTimeout(5_000);
    const timings = await page.evaluate(async () => {
      // Each query three times: the first after a 100k-event write pays for the database settling; report all three.
      const timed = async (filter: object) => {
        const roundTripMs: number[] = [];
        let total = 0;
        for (let i = 0; i < 3; i++) {
          const t = performance.now();
          const r = (await chrome.runtime.sendMessage({ type: 'review/query', filter, offset: 0, limit: 100 })) as { total: number; ms: number };
          roundTripMs.push(Math.round(performance.now() - t));
          total = r.total;
        }
        return { total, roundTripMs, best: Math.min(...roundTripMs) };
      };
      return { rule: await timed({ ruleId: 'abuse.insult' }), ruleAndHelpdesk: await timed({ ruleId: 'abuse.insult', helpdesk: 'rt' }), all: await timed({}) };
    });
    // A count and the newest 100 events straight from IndexedDB in this page (same origin), to compare with what the store answers.
    const raw = await page.evaluate(async () => {
      const done = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      const db = await done(indexedDB.open('tactful-log'));
      const index = () => db.transaction('events').objectStore('events').index('time');
      let t = performance.now();
      const count = await done(index().count());
      const countMs = Math.round(performance.now() - t);
      t = performance.now();
      const read = await new Promise<number>((resolve) => {
        let n = 0;
        const c = index().openCursor(null, 'prev');
        c.onsuccess = () => (!c.result || ++n >= 100 ? resolve(n) : c.result.continue());
      });
      const cursorMs = Math.round(performance.now() - t);
      db.close();
      return { count, countMs, read, cursorMs };
    });
    console.log(`100k events: import ${importMs} ms; filtered queries ${JSON.stringify(timings)}; raw IndexedDB in the page ${JSON.stringify(raw)}`);
    expect(timings.rule.total).toBe(big.filter((e) => e.ruleIds.includes('abuse.insult')).length);
    expect(timings.ruleAndHelpdesk.total).toBe(big.filter((e) => e.ruleIds.includes('abuse.insult') && e.helpdesk === 'rt').length);
    // The target is well under 200 ms; this bound only catches a pathological regression on a
    // loaded 2-core machine (the printed numbers are what to watch).
    expect(timings.rule.best).toBeLessThan(2_000);
    expect(timings.all.best).toBeLessThan(2_000);
    // The page itself: a filter change shows the new total.
    await page.reload();
    await page.getByLabel('Rule', { exact: true }).selectOption('abuse.insult');
    await waitTotal(page, timings.rule.total);
    console.log(`100k events: review page query ${await page.getByTestId('total').getAttribute('data-query-ms')} ms (store time)`);
  }, 400_000);

  it('made no request outside the extension and logged no errors in its pages or worker', () => {
    expect(session.foreignRequestsFromExtension()).toEqual([]);
    // The helpdesk fixture page has no favicon: its 404 is not ours.
    expect(session.errors.filter((e) => e.source === 'service-worker' || e.source.startsWith(session.origin))).toEqual([]);
  });
});
