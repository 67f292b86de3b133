// The per-rule time budget in the built extension, with a genuinely slow rule: a regex whose
// counted repeat of words makes RE2's linear-time matcher carry hundreds of states per character.
// The options page's test bench reports it, the side panel turns it off quietly, and the QA review
// page finds the rule_disabled event in the log.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf } from '../../src/cli/start/browser';
import { startDemoServer, type DemoServer } from '../../src/cli/start/demo-server';
import { launchExtension, type ExtensionSession } from './harness';

const RULE = 'team-slow.numbered';
const RULES = `rules:
  - id: ${RULE}
    category: complaint
    level: warning
    reason: A run of words before a number.
    match:
      regex: ['(?:\\p{L}+\\s+){1,500}\\p{N}']
    examples:
      match: [about order 12]
`;
const SHORT = 'I asked about order 12 twice.';
/**
 * About 8,400 characters of words and no digit: the regex carries every run of up to 500 words.
 * Linear, but ~20 ms per KB once warm on a quiet machine, so ~170 ms: well over the 50 ms budget
 * on its re-measure too (1,500 characters came in under it once warm, and the rule stayed on).
 */
const LONG = 'please tell me where my parcel went because nobody answers any of my emails '.repeat(110).trim();

const fired = (page: Page) => page.getByTestId('bench-trace').locator('tr.fired code').allTextContents();

describe('a rule over the time budget', () => {
  let session: ExtensionSession;
  let demo: DemoServer;

  beforeAll(async () => {
    [session, demo] = await Promise.all([launchExtension(), startDemoServer()]);
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('is reported in the test bench with its numbers, and stays off there', async () => {
    const page = await session.openExtensionPage('src/options/index.html');
    await page.getByTestId('active-summary').filter({ hasText: 'Active in the side panel' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('New pack id').fill('team-slow');
    await page.getByRole('button', { name: 'New empty pack' }).click();
    await page.getByRole('heading', { name: 'team-slow' }).waitFor();
    await page.getByTestId('yaml-editor').locator('.cm-content').fill(RULES);
    await expect.poll(() => page.getByTestId('problems-ok').count(), { timeout: 20_000 }).toBe(1);

    await page.getByTestId('bench-ticket').fill(SHORT);
    await expect.poll(() => fired(page), { timeout: 20_000 }).toContain(RULE);
    expect(await page.getByTestId('bench-disabled').count()).toBe(0);

    await page.getByTestId('bench-ticket').fill(LONG);
    const report = page.getByTestId('bench-disabled').locator(`li[data-rule="${RULE}"]`);
    await expect.poll(() => report.count(), { timeout: 60_000 }).toBe(1);
    const text = (await report.textContent())!;
    const numbers = /^Rule team-slow\.numbered was disabled: took ([\d.]+) ms on a message of (\d+) characters \(budget (\d+) ms\) \(\S*rules\.yaml:\d+\)/.exec(text);
    expect(numbers, text).not.toBeNull();
    expect(Number(numbers![1])).toBeGreaterThan(Number(numbers![3]));
    expect(Number(numbers![2])).toBe(LONG.length);
    expect(Number(numbers![3])).toBe(50);

    // Off for the rest of the session: the short ticket no longer fires it; the other rules still run.
    await page.getByTestId('bench-ticket').fill(`${SHORT} Still waiting for a reply.`);
    await expect.poll(() => fired(page), { timeout: 20_000 }).toContain('delay.still-waiting');
    expect(await fired(page)).not.toContain(RULE);
    expect(await page.getByTestId('bench-disabled').textContent()).toContain(RULE);

    await page.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 20_000 }).toMatch(/^Saved version 1\./);
    await page.close();
  }, 120_000);

  it('is turned off quietly in the side panel and logged, and the review page finds the event', async () => {
    const ticket = await session.context.newPage();
    const url = demo.url('/demo/tickets/1048');
    await ticket.goto(url);
    const panel = await session.openExtensionPage(`src/sidepanel/index.html?tab=${await tabIdOf(session.serviceWorker, url)}`);
    await ticket.evaluate((text) => (window as unknown as { demo: { addCustomerMessage(t: string): void } }).demo.addCustomerMessage(text), SHORT);
    await expect.poll(() => panel.locator(`[data-testid="customer-message"] mark[data-rule="${RULE}"]`).count(), { timeout: 20_000 }).toBe(1);
    await ticket.evaluate((text) => (window as unknown as { demo: { addCustomerMessage(t: string): void } }).demo.addCustomerMessage(text), LONG);
    const notice = panel.getByTestId('disabled-rules').locator(`[data-rule="${RULE}"]`);
    await expect.poll(() => notice.count(), { timeout: 60_000 }).toBe(1);
    expect(await notice.textContent()).toMatch(/^Rule team-slow\.numbered was turned off until this panel is reopened: it took [\d.]+ ms on a message of \d+ characters \(limit 50 ms\)/);

    const review = await session.openExtensionPage('src/review/index.html');
    await review.getByLabel('Action', { exact: true }).selectOption('rule_disabled');
    await expect.poll(async () => Number(await review.getByTestId('total').getAttribute('data-total')), { timeout: 20_000 }).toBe(1);
    const row = review.getByTestId('event-row').first();
    expect(await row.locator('td').nth(2).textContent()).toBe('rule disabled');
    expect(await row.locator('td').nth(5).textContent()).toBe(RULE);
    await row.getByRole('button').click();
    expect(await review.getByTestId('detail-action').textContent()).toMatch(/^rule disabled \(rule team-slow\.numbered was disabled: took [\d.]+ ms on a message of \d+ characters \(budget 50 ms\)\)$/);
    await review.getByRole('button', { name: 'Reset filters' }).click();
    const stats = review.getByTestId('stats-rules').locator('tr', { has: review.getByRole('rowheader', { name: RULE, exact: true }) });
    // Columns: shown, inserted, copied, edited, dismissed, rated down, wrong cue, disabled, insert rate.
    await expect.poll(() => stats.locator('td').nth(7).textContent(), { timeout: 20_000 }).toBe('1');
    await Promise.all([ticket.close(), panel.close(), review.close()]);
  }, 120_000);

  it('made no request outside the extension and logged no errors', () => {
    expect(session.foreignRequestsFromExtension()).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
