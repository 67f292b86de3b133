// Every adapter on its hand-written fixture page in Chromium: detection, selector counts, the
// snapshot (roles, order, authors, clean text), live changes (new message, ticket switch), the
// editor and the self-test, including a broken selector override.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type AdapterCase } from './adapter-cases';
import { bundleAdapters, ensureAdapters, readPage } from './adapter-page';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { chromiumPath } from './harness';

let browser: Browser;
let server: FixtureServer;
let bundle: string;

beforeAll(async () => {
  [bundle, server, browser] = await Promise.all([
    bundleAdapters(),
    startFixtureServer(),
    chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
    }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** `HOST` in a case stands for the fixture server's host:port. */
const withHost = (text: string) => text.replace('HOST', new URL(server.origin).host);

async function openCase(c: AdapterCase): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(server.url(c.path));
  await ensureAdapters(page, bundle);
  await c.prepare?.(page);
  return page;
}

describe.each(CASES)('$id adapter', (c) => {
  let page: Page;

  beforeAll(async () => {
    page = await openCase(c);
  });

  afterAll(async () => {
    await page?.close();
  });

  it('is picked for the page and every selector matches as many elements as expected', async () => {
    const reading = await readPage(page, c.origin);
    expect(reading.picked).toBe(c.id);
    expect(reading.counts).toEqual(c.expected);
  });

  it('reads roles oldest first, authors, subject, requester and the ticket key', async () => {
    const { snapshot } = await readPage(page, c.origin);
    expect(snapshot).not.toBeNull();
    expect(snapshot!.helpdesk).toBe(c.id);
    expect(snapshot!.ticketKey).toBe(withHost(c.ticketKey));
    expect(snapshot!.subject).toBe(c.subject);
    expect(snapshot!.requester).toBe(c.requester);
    expect(snapshot!.messages.map((m) => m.role)).toEqual(c.roles);
    expect(snapshot!.messages.map((m) => m.author)).toEqual(c.authors);
    expect(new Set(snapshot!.messages.map((m) => m.key)).size).toBe(c.roles.length);
  });

  it('keeps the author\'s words and paragraphs, without quoted history or signature', async () => {
    const { snapshot } = await readPage(page, c.origin);
    const messages = snapshot!.messages;
    expect(messages[c.exact.index]!.text).toBe(c.exact.text);
    for (const [index, kept] of c.present) expect(messages[index]!.text).toContain(kept);
    for (const [index, gone] of c.absent) expect(messages[index]!.text).not.toContain(gone);
    for (const message of messages) expect(message.text).not.toMatch(/<[a-z]|&amp;|&[a-z]+;/i);
  });

  it('finds the reply editor and passes its self-test', async () => {
    const reading = await readPage(page, c.origin);
    if (c.editor.tag === 'none') expect(reading.editor).toBeNull();
    else expect(reading.editor).toEqual({ tag: c.editor.tag, editable: true, inFrame: c.editor.inFrame ?? false });
    expect(reading.selfTest).toEqual({
      helpdesk: c.id,
      conversation: true,
      editor: c.editor.tag !== 'none',
      messages: c.roles.length,
      problems: [],
    });
  });

  it('reports a broken body selector override in its self-test', async () => {
    const { selfTest, snapshot } = await readPage(page, c.origin, { body: '.nope' });
    expect(selfTest.conversation).toBe(false);
    expect(selfTest.problems).toContain(`no element matches \`.nope\` (body) inside the ${c.roles.length} messages`);
    expect(snapshot!.messages).toEqual([]);
  });

  it('reads a new message where the helpdesk adds it, as the newest', async () => {
    const before = (await readPage(page, c.origin)).snapshot!;
    await page.evaluate(() => window.fixture.addMessage('customer', 'Any news on this?\n\nI need an answer & soon.'));
    const after = (await readPage(page, c.origin)).snapshot!;
    expect(after.messages).toHaveLength(before.messages.length + 1);
    expect(after.messages.slice(0, -1)).toEqual(before.messages);
    expect(after.messages.at(-1)).toMatchObject({ role: 'customer', text: 'Any news on this?\n\nI need an answer & soon.' });
  });

  it('follows a switch to another ticket', async () => {
    await page.evaluate((n) => window.fixture.switchTicket(n), c.switchTo);
    await page.waitForFunction((n) => location.href.includes(String(n)), c.switchTo);
    await page.waitForLoadState('load');
    await ensureAdapters(page, bundle);
    await c.prepare?.(page);
    const { snapshot } = await readPage(page, c.origin);
    expect(snapshot!.ticketKey).toBe(withHost(c.switchedKey));
    expect(snapshot!.messages.map((m) => m.role)).toEqual(['customer', 'agent']);
    expect(snapshot!.messages[0]!.text).toContain(`ticket ${c.switchTo}`);
    expect(snapshot!.subject).toContain(`Ticket ${c.switchTo}`);
  });
});
