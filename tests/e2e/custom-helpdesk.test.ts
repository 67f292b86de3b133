// The custom-helpdesk editor in the built extension: a team lead describes a helpdesk no adapter
// knows (tests/fixtures/custom-helpdesk/casebook.html), tests the selectors live on the open page,
// sees a broken selector named, saves, and the side panel then analyses that page's tickets.
// The fixture is served on 127.0.0.1, which the manifest's host_permissions already grant, so
// chrome.permissions.request resolves true without a prompt (a headless test cannot click one).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf } from '../../src/cli/start/browser';
import { axeViolations } from './axe';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { launchExtension, type ExtensionSession } from './harness';

const OPTIONS = 'src/options/index.html';
const CASEBOOK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/custom-helpdesk/casebook.html');

const SELECTORS: Record<string, string> = {
  'Conversation area (required)': '#case-view',
  'One message (required)': '.entry',
  'Message text (required)': '.entry-text',
  'Author name': '.who',
  Time: '.stamp',
  'Customer message': '.from-client',
  'Agent message': '.from-staff',
  'Internal note': '.staff-note',
  'Ticket subject': '.case-title',
  'Customer name': '.client-name',
  'Reply editor': '#answer',
  'Leave out': '.earlier',
};

describe('custom helpdesks in the options page', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let ticket: Page;
  let options: Page;
  let ticketUrl: string;

  const form = () => options.getByTestId('helpdesk-form');
  const result = () => options.getByTestId('probe-result');
  const field = (label: string) => form().getByLabel(label, { exact: true });

  beforeAll(async () => {
    [session, server] = await Promise.all([launchExtension(), startFixtureServer({ routes: [{ path: /^\/casebook\/cases\/\d+$/, file: CASEBOOK }] })]);
    ticketUrl = server.url('/casebook/cases/5512');
    ticket = await session.context.newPage();
    await ticket.goto(ticketUrl);
    options = await session.openExtensionPage(OPTIONS);
    await options.getByTestId('helpdesk-list').locator('li[data-helpdesk="rt"]').waitFor({ timeout: 30_000 });
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('lists the built-in helpdesks with their address patterns', async () => {
    const zendesk = options.locator('li[data-helpdesk="zendesk"]');
    expect(await zendesk.getAttribute('data-source')).toBe('built-in');
    expect(await zendesk.locator('code').allTextContents()).toEqual(['https://*.zendesk.com/*']);
    expect(await options.locator('li[data-helpdesk="generic"]').count()).toBe(0);
  });

  it('tests the typed selectors on the open ticket: counts, roles, first and last words, editor', async () => {
    await options.getByRole('button', { name: 'Add a helpdesk' }).click();
    await field('Name').fill('Casebook');
    // A plain address: the form turns it into the pattern http://127.0.0.1/* (ports are dropped).
    await field('Address (one per line)').fill(server.origin);
    await field('Ticket address pattern (optional)').fill('/casebook/cases/(\\d+)');
    for (const [label, selector] of Object.entries(SELECTORS)) await field(label).fill(selector);
    await options.getByRole('button', { name: 'Test on open page' }).click();

    await expect.poll(() => result().getByTestId('probe-counts').textContent(), { timeout: 15_000 })
      .toBe('4 messages: 2 from the customer, 1 from agents, 1 internal notes. Reply editor found. This address is a ticket page.');
    expect(await result().getByTestId('probe-tab').count()).toBe(1);
    expect(await result().getByTestId('probe-first').textContent()).toBe('My blender arrived with a cracked jug. I would like a replacement…');
    // The quoted agent text is left out (`.earlier`), as the live reader leaves it out.
    expect(await result().getByTestId('probe-last').textContent()).toBe('I sent the photo a week ago and nobody answered. This is…');
    expect(await result().textContent()).toContain('Every selector found something.');
  });

  it('names a selector that matches nothing and one that is not valid CSS, and refuses to save the invalid one', async () => {
    await field('Author name').fill('.nobody');
    await field('Time').fill('span[');
    await options.getByRole('button', { name: 'Test on open page' }).click();
    await expect.poll(() => result().getByTestId('probe-problems').locator('li').allTextContents(), { timeout: 15_000 }).toEqual([
      'author: “.nobody” matched nothing',
      'time: “span[” is not a valid CSS selector',
    ]);

    await options.getByRole('button', { name: 'Save helpdesk' }).click();
    await expect.poll(() => options.getByTestId('helpdesk-notice').textContent()).toBe('Not saved: fix the marked fields (what you typed is kept).');
    expect(await field('Time').getAttribute('aria-invalid')).toBe('true');
    expect(await form().locator('#hd-sel-time-problem').textContent()).toBe('“span[” is not a valid CSS selector.');
    expect(await field('Name').inputValue()).toBe('Casebook');

    await field('Author name').fill('.who');
    await field('Time').fill('.stamp');
  });

  it('has no accessibility violations, in light and dark mode', async () => {
    await options.getByRole('button', { name: 'Test on open page' }).click();
    await expect.poll(() => result().textContent(), { timeout: 15_000 }).toContain('Every selector found something.');
    const section = options.getByTestId('helpdesks');
    await section.scrollIntoViewIfNeeded();
    expect(await axeViolations(options)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await section.evaluate((el) => getComputedStyle(el.querySelector('.helpdesk-form')!).backgroundColor)).toBe('rgb(31, 41, 55)');
    // Dark mode: this section only (the pack editor above has its own dark-mode contrast to fix).
    expect(await axeViolations(options, '[data-testid="helpdesks"]')).toEqual([]);
    await options.emulateMedia({ colorScheme: 'light' });
  });

  it('saves the helpdesk, and it survives reloading the options page', async () => {
    await options.getByRole('button', { name: 'Save helpdesk' }).click();
    await expect.poll(() => options.getByTestId('helpdesk-notice').textContent(), { timeout: 10_000 })
      .toBe('Saved Casebook. Tactful reads tickets on http://127.0.0.1/* from the next page load.');
    await options.reload();
    const row = options.locator('li[data-helpdesk="casebook"]');
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-source')).toBe('custom');
    expect(await row.locator('code').allTextContents()).toEqual(['http://127.0.0.1/*']);
    expect(await row.getByTestId('permission-needed').count()).toBe(0);
    await options.getByRole('button', { name: 'Edit Casebook' }).click();
    expect(await field('Message text (required)').inputValue()).toBe('.entry-text');
    expect(await field('Ticket address pattern (optional)').inputValue()).toBe('/casebook/cases/(\\d+)');
  });

  it('the side panel analyses the page with the saved definition', async () => {
    await ticket.reload();
    const panel = await session.openExtensionPage(`src/sidepanel/index.html?tab=${await tabIdOf(session.serviceWorker, ticketUrl)}`);
    await expect.poll(() => panel.locator('main').getAttribute('data-ticket'), { timeout: 15_000 }).toBe('casebook:5512');
    await expect.poll(() => panel.getByTestId('customer-message').textContent()).toMatch(/^I sent the photo a week ago .*THIRD time I am writing and it is completely unacceptable\.$/);
    expect(await panel.getByTestId('subject').textContent()).toBe('Blender arrived broken');
    expect(await panel.locator('[data-testid="categories"] li').count()).toBeGreaterThan(0);
    await panel.close();
  });

  it('fixes a built-in helpdesk’s selectors: tested merged with the built-in ones, saved, listed', async () => {
    await options.reload();
    await options.getByRole('button', { name: 'Fix selectors of Request Tracker' }).click();
    expect(await field('Message text').getAttribute('placeholder')).toBe('.content .messagebody');
    await field('Reply editor').fill('#answer');
    // The casebook tab is on 127.0.0.1, where RT may run too: RT's selectors find no history there.
    await options.getByRole('button', { name: 'Test on open page' }).click();
    await expect.poll(() => result().getByTestId('probe-counts').first().textContent(), { timeout: 15_000 }).toMatch(/^0 messages: .* Reply editor found\./);
    expect(await result().getByTestId('probe-problems').first().locator('li').allTextContents()).toContain('root: “#delayed_ticket_history, .history-container” matched nothing');
    await options.getByRole('button', { name: 'Save selector fixes' }).click();
    await expect.poll(() => options.getByTestId('helpdesk-notice').textContent()).toBe('Saved the selector fixes for Request Tracker; they apply from the next page load.');
    expect(await options.locator('li[data-helpdesk="rt"]').textContent()).toContain('editor: #answer');
  });

  it('made no network request outside loopback and raised no errors', () => {
    expect(session.foreignRequestsFromExtension()).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
