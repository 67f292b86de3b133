// The DOM facts our Request Tracker adapter depends on, checked against a live RT 5 (Debian's
// packages, started by .ci/rt/). Plain Chromium, no extension: this pins the helpdesk, not us.
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './harness';
import {
  agentReply,
  correspondByMail,
  createTicketByMail,
  displayUrl,
  loginAsAgent,
  replyUrl,
  rtConfig,
  ticketTransactions,
  userId,
} from './rt-server';

const rt = rtConfig();
const howToRun = 'set TACTFUL_RT_URL, TACTFUL_RT_AGENT_USER, TACTFUL_RT_AGENT_PASSWORD (bash .ci/rt/setup.sh && bash .ci/rt/start.sh; see .ci/run)';

describe.runIf(!rt && process.env.CI)('Request Tracker 5 in CI', () => {
  it('is configured (RT is required in CI)', () => {
    expect.fail(`RT is not configured: ${howToRun}`);
  });
});

if (!rt && !process.env.CI) console.warn(`Skipping the live Request Tracker tests: ${howToRun}`);

const customer = { from: 'jordan.miles@example.com', name: 'Jordan Miles' };
const complaint = {
  ...customer,
  subject: 'Charged TWICE for my subscription',
  body:
    'This is the second time I am writing about this. You charged my card twice for the same month, ' +
    '$49.00 on the 3rd and again on the 4th.\n\nI want the duplicate charge refunded today, not in ' +
    '"5-7 business days". Nobody answered my last mail.',
  quoted: 'Hi Jordan,\n\nThanks for your payment of $49.00. Your subscription renews on the 3rd of each month.\n\nThe Billing Team',
  signature: 'Jordan Miles\nMiles Carpentry',
};
const history = '#delayed_ticket_history';
const messageItems = `${history} .history-container > div.transaction.Ticket-transaction.message[data-transaction-id]`;

describe.skipIf(!rt)(`Request Tracker 5 live DOM${rt ? '' : ' (skipped: RT not configured)'}`, () => {
  let browser: Browser;
  let page: Page;
  let ticketId: number;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  const messageIds = () =>
    page.$$eval(messageItems, (items) => items.map((item) => Number(item.getAttribute('data-transaction-id'))));

  const openDisplay = async (minimumMessages: number) => {
    await page.goto(displayUrl(ticketId), { waitUntil: 'domcontentloaded' });
    await expect.poll(async () => (await messageIds()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(minimumMessages);
  };

  beforeAll(async () => {
    ticketId = await createTicketByMail(complaint);
    await agentReply(ticketId, 'Hi Jordan,\n\nI am sorry about the double charge. I am checking it with billing now.\n\nAlex');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
    });
    page = await browser.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await loginAsAgent(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('stored the customer mail and the agent reply as sent', async () => {
    const messages = await ticketTransactions(ticketId);
    expect(messages.map((m) => [m.type, m.creator])).toEqual([
      ['Create', customer.from],
      ['Correspond', rt?.agentUser],
    ]);
    // Body, a mail client's attribution line and `> ` quote, then the `-- ` signature: stored verbatim.
    const [body, quote] = [complaint.body, complaint.quoted.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n')];
    expect(messages[0]?.text.replace(/\nOn .* wrote:\n/, '\nOn … wrote:\n')).toBe(
      `${body}\n\nOn … wrote:\n${quote}\n\n-- \n${complaint.signature}`,
    );
    expect(messages[1]?.text).toBe('Hi Jordan,\n\nI am sorry about the double charge. I am checking it with billing now.\n\nAlex');
  });

  it('loads the Display history by AJAX, messages oldest first', async () => {
    // The page as served has the empty container only: a content script at document_idle must observe.
    const served = await (await page.request.get(displayUrl(ticketId))).text();
    expect(served).toContain('id="delayed_ticket_history"');
    expect(served).not.toContain('data-transaction-id');

    await openDisplay(2);
    const ids = await messageIds();
    const stored = (await ticketTransactions(ticketId)).map((m) => m.id);
    expect(ids).toEqual(stored);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    // Non-message events (outgoing mail records, status changes) are transactions without `message`.
    const others = await page.$$eval(`${history} .transaction:not(.message)`, (items) => items.map((i) => i.className));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c) => /\b(other|people|basics)\b/.test(c))).toBe(true);
  });

  it('tells the customer from the agent only by the requestors box', async () => {
    const authors = await page.$$eval(messageItems, (items) =>
      items.map((item) => ({
        userId: Number(item.querySelector('.metadata .description .user[data-user-id]')?.getAttribute('data-user-id')),
        hasLink: item.querySelector('.metadata .description .user[data-user-id] a') !== null,
        description: item.querySelector('.metadata .description')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      })),
    );
    const requestors = await page.$$eval('.form-row.requestors .user[data-user-id]', (users) =>
      users.map((u) => Number(u.getAttribute('data-user-id'))),
    );
    const customerId = await userId(customer.from);
    const agentId = await userId(rt!.agentUser);
    expect(requestors).toEqual([customerId]);
    expect(authors.map((a) => a.userId)).toEqual([customerId, agentId]);
    expect(agentId).not.toBe(customerId);
    expect(authors.every((a) => a.hasLink)).toBe(true);
    expect(authors[0]?.description).toMatch(/Ticket created$/);
    expect(authors[1]?.description).toMatch(/Correspondence added$/);
  });

  it('puts bodies in message stanzas with the quoted part nested, and the subject in #header h1', async () => {
    const first = page.locator(messageItems).first().locator('.content .messagebody');
    const stanzas = await first.evaluate((body) => {
      const top = body.querySelector(':scope > .message-stanza');
      const nested = top?.querySelector('.message-stanza');
      const ownText = top ? [...top.childNodes].filter((n) => n !== nested).map((n) => n.textContent).join('') : '';
      return { top: ownText, nested: nested?.textContent ?? null, nestedClass: nested?.className ?? null };
    });
    expect(stanzas.top).toContain('This is the second time I am writing about this.');
    expect(stanzas.top).not.toContain('Thanks for your payment');
    expect(stanzas.nested).toContain('> Thanks for your payment of $49.00.');
    expect(stanzas.nestedClass).toBe('message-stanza closed'); // folded behind "Show quoted text"
    expect(stanzas.top).toContain('Jordan Miles'); // the signature is not set apart
    expect(await page.locator('#header h1').textContent()).toBe(`#${ticketId}: ${complaint.subject}`);
  });

  it('reply page: CKEditor 4 iframe over a hidden textarea, placeholder cleared by focus', async () => {
    await page.goto(replyUrl(ticketId), { waitUntil: 'domcontentloaded' });
    const frameHandle = await page.waitForSelector('iframe.cke_wysiwyg_frame', { timeout: 15_000 });
    expect(await frameHandle.getAttribute('src')).toBe('');
    const textarea = page.locator('textarea#UpdateContent');
    expect(await textarea.count()).toBe(1);
    expect(await textarea.isVisible()).toBe(false);
    const frame = (await frameHandle.contentFrame()) as Frame;
    await frame.waitForSelector('body.cke_editable[contenteditable="true"]');
    const before = await bodyState(page);
    expect(before).toEqual({ text: 'Type your message here', placeholder: true, editable: true });
    await page.evaluate(() => (document.querySelector('iframe.cke_wysiwyg_frame') as HTMLIFrameElement).contentDocument!.body.focus());
    expect(await bodyState(page)).toEqual({ text: '', placeholder: false, editable: true });
  });

  it('stores exactly the paragraphs inserted from the top document when the real submit is clicked', async () => {
    const paragraphs = [
      'Hi Jordan,',
      "You're right: we charged you twice (2 × $49.00). I've refunded the duplicate <ref A&B-4471>.",
      'Best, Alex',
    ];
    // What our content script does: from the top frame, focus the iframe body, one <p> per paragraph.
    const inserted = await page.evaluate((texts) => {
      const body = (document.querySelector('iframe.cke_wysiwyg_frame') as HTMLIFrameElement).contentDocument!.body;
      body.focus();
      const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const ok = body.ownerDocument.execCommand('insertHTML', false, texts.map((t) => `<p>${escape(t)}</p>`).join(''));
      return { ok, text: body.innerText.trim() };
    }, paragraphs);
    expect(inserted.ok).toBe(true);
    expect(inserted.text.split(/\n+/)).toEqual(paragraphs);

    const submit = page.locator('input[type="submit"][name="SubmitTicket"]');
    expect(await submit.count()).toBe(1);
    await Promise.all([page.waitForURL(/\/Ticket\/Display\.html/, { timeout: 20_000 }), submit.click()]);

    const messages = await ticketTransactions(ticketId);
    const last = messages.at(-1);
    expect(last?.type).toBe('Correspond');
    expect(last?.creator).toBe(rt?.agentUser);
    expect(last?.contentType).toBe('text/html');
    expect(last?.text).toBe(paragraphs.join('\n\n'));
    expect(messages).toHaveLength(3);
  });

  it('shows a new customer mail after a reload', async () => {
    await openDisplay(3);
    const before = await messageIds();
    await correspondByMail(ticketId, customer.from, 'Thank you. I will check my statement tomorrow.', customer.name);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(async () => (await messageIds()).length, { timeout: 15_000 }).toBe(before.length + 1);
    const last = page.locator(messageItems).last();
    expect(await last.locator('.content .messagebody .message-stanza').first().textContent()).toContain(
      'I will check my statement tomorrow.',
    );
    const stored = (await ticketTransactions(ticketId)).at(-1);
    expect(stored).toMatchObject({ type: 'Correspond', creator: customer.from });
    expect(Number(await last.getAttribute('data-transaction-id'))).toBe(stored?.id);
  });

  it('served every asset itself and threw no page errors', () => {
    const origin = new URL(rt!.url).origin;
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

async function bodyState(page: Page) {
  // From the top document, as a content script in the top frame reaches the same-origin iframe.
  return page.evaluate(() => {
    const body = (document.querySelector('iframe.cke_wysiwyg_frame') as HTMLIFrameElement).contentDocument!.body;
    return { text: body.innerText.trim(), placeholder: body.classList.contains('placeholder'), editable: body.isContentEditable };
  });
}
