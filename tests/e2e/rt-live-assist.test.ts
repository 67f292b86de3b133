// The whole live assist on a real helpdesk: Request Tracker 5 (installed and started by .ci/rt/),
// the built extension in Chromium, an agent logged in. A customer's angry mail arrives through RT's
// mail gateway; the panel shows what is going on; the agent inserts a suggestion into RT's
// CKEditor 4 reply editor and submits it; RT stores exactly that text; a new mail updates the panel.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf } from '../../src/cli/start/browser';
import { launchExtension, type ExtensionSession } from './harness';
import { correspondByMail, createTicketByMail, displayUrl, loginAsAgent, replyUrl, rtConfig, ticketTransactions } from './rt-server';

const rt = rtConfig();

describe.skipIf(!rt)(`live assist in Request Tracker 5${rt ? '' : ' (skipped: RT not configured, see tests/e2e/rt.test.ts)'}`, () => {
  let session: ExtensionSession;
  let page: Page;
  let panel: Page;
  let ticketId: number;
  const customer = { from: 'morgan.reyes@example.com', name: 'Morgan Reyes' };

  const categories = () => panel.locator('[data-testid="categories"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-category')));

  beforeAll(async () => {
    ticketId = await createTicketByMail({
      ...customer,
      subject: 'Double charge, third time asking',
      body: "This is the third time I'm writing!!! You charged my card twice for order 55120 and nobody has answered. I want the duplicate charge refunded today.",
      quoted: 'Hi Morgan, thanks for your order 55120.',
      signature: 'Morgan Reyes\nReyes Bakery',
    });
    session = await launchExtension();
    page = await session.context.newPage();
    await loginAsAgent(page);
    await page.goto(displayUrl(ticketId));
    const tabId = await tabIdOf(session.serviceWorker, displayUrl(ticketId));
    panel = await session.openExtensionPage(`src/sidepanel/index.html?tab=${tabId}`);
  }, 90_000);

  afterAll(async () => {
    await session?.close();
  });

  it("reads the ticket's history (loaded by AJAX) and shows the analysis", async () => {
    await expect.poll(categories, { timeout: 20_000 }).toEqual(expect.arrayContaining(['company_mistake', 'repeat_contact']));
    expect(await panel.getByTestId('subject').textContent()).toBe('Double charge, third time asking');
    const message = await panel.getByTestId('customer-message').textContent();
    expect(message).toContain('charged my card twice');
    expect(message).not.toContain('thanks for your order 55120');
    expect(message).not.toContain('Reyes Bakery');
  });

  it('inserts a suggestion into the CKEditor reply editor; RT stores exactly that text', async () => {
    await page.goto(replyUrl(ticketId));
    const apology = panel.locator('[data-step="apologise"]');
    await apology.waitFor({ timeout: 20_000 });
    const text = (await apology.getByTestId('wording').textContent())!.trim();
    await apology.getByRole('button', { name: /^Insert/ }).click();
    await expect.poll(() => panel.getByTestId('notice').textContent(), { timeout: 10_000 }).toMatch(/Inserted/);
    const editor = page.frameLocator('iframe.cke_wysiwyg_frame').locator('body');
    await expect.poll(() => editor.innerText()).toContain(text);
    // Nothing was sent by Tactful: the agent submits.
    expect((await ticketTransactions(ticketId)).filter((t) => t.type === 'Correspond')).toHaveLength(0);
    await page.locator('input[type=submit][name=SubmitTicket]').click();
    await page.waitForURL(/Display\.html/);
    await expect
      .poll(async () => (await ticketTransactions(ticketId)).filter((t) => t.type === 'Correspond').map((t) => t.text.trim()))
      .toEqual([text]);
  }, 90_000); // a real RT (Perl) renders the reply page and CKEditor, then stores the reply: slow when the machine is busy

  it('a new customer mail arriving in RT updates the panel', async () => {
    await correspondByMail(ticketId, customer.from, 'Thank you, that was quick. Sorry for shouting earlier, it was a stressful week.', customer.name);
    await page.reload();
    await expect.poll(() => panel.getByTestId('customer-message').textContent(), { timeout: 20_000 }).toContain('Sorry for shouting earlier');
    expect(Number(await panel.getByTestId('frustration').getAttribute('data-level'))).toBeLessThanOrEqual(1);
  }, 90_000); // a mail through rt-mailgate, then RT renders the ticket again

  it('made no request outside loopback and raised no errors', () => {
    expect(session.foreignRequestsFromExtension()).toEqual([]);
    expect(session.requests.filter((r) => !/^(chrome-extension:|http:\/\/127\.0\.0\.1:|about:|data:)/.test(r.url))).toEqual([]);
    // RT's own background requests (e.g. Helpers/PreviewScrips) are cancelled when the agent submits
    // and the page navigates: that is RT, not an error; everything else counts.
    const cancelledByNavigation = (e: { kind: string; text: string }) => e.kind === 'requestfailed' && e.text.startsWith(rt!.url) && e.text.endsWith('net::ERR_ABORTED');
    expect(session.errors.filter((e) => !cancelledByNavigation(e))).toEqual([]);
  });
});
