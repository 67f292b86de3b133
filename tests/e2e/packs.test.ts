// The rule-pack editor in the built extension: edit -> test bench, save -> persisted across a
// browser restart, a broken import or edit -> errors with file:line while the saved pack stays active.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toYamlStream } from '../../src/shared/packs-io';
import { teamPack } from '../packs/helpers';
import { tabIdOf } from '../../src/cli/start/browser';
import { startDemoServer } from '../../src/cli/start/demo-server';
import { axeViolations } from './axe';
import { launchExtension, repoRoot, type ExtensionSession } from './harness';

const OPTIONS = 'src/options/index.html';
const TICKET = 'Honestly this is shoddy work from start to finish.';

async function openOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.openExtensionPage(OPTIONS);
  await page.getByTestId('active-summary').filter({ hasText: 'Active in the side panel' }).waitFor({ timeout: 30_000 });
  return page;
}

/** Replace the editor's whole text the way a paste does (one input event, no auto-indent). */
async function setEditorText(page: Page, text: string): Promise<void> {
  const content = page.getByTestId('yaml-editor').locator('.cm-content');
  await content.fill(text);
}

const editorText = (page: Page) => page.getByTestId('yaml-editor').locator('.cm-content').innerText();
const fired = (page: Page) => page.getByTestId('bench-trace').locator('tr.fired code').allTextContents();

describe('rule packs in the options page', () => {
  let session: ExtensionSession;
  const profile = mkdtempSync(path.join(tmpdir(), 'tactful-packs-profile-'));
  /** Errors and foreign requests of the first browser run, kept across the restart. */
  const earlier: { errors: unknown[]; foreign: unknown[] } = { errors: [], foreign: [] };

  beforeAll(async () => {
    session = await launchExtension({ userDataDir: profile });
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('an edit to a rule changes the test bench; saving makes it the active pack', async () => {
    const page = await openOptions(session);
    await page.getByLabel('New pack id').fill('team-e2e');
    await page.getByRole('button', { name: 'New empty pack' }).click();
    await page.getByRole('heading', { name: 'team-e2e' }).waitFor();
    await page.getByTestId('bench-ticket').fill(TICKET);
    await page.getByTestId('bench-trace').waitFor();
    expect(await fired(page)).not.toContain('team-e2e.example');

    const ruleText = (await editorText(page)).replace('[not good enough]', '[shoddy work]').replace('[This is not good enough.]', '[This is shoddy work.]');
    await setEditorText(page, ruleText);
    await expect.poll(() => fired(page), { timeout: 20_000 }).toContain('team-e2e.example');
    await expect.poll(() => page.getByTestId('bench-result').locator('mark[data-rule="team-e2e.example"]').textContent()).toBe('shoddy work');

    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Summary').fill('Shoddy work is a complaint');
    await page.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 20_000 }).toMatch(/^Saved version 1\./);
    await expect.poll(() => page.getByTestId('active-summary').textContent()).toMatch(/from team-e2e, builtin/);
    expect(await page.getByTestId('history').textContent()).toContain('Shoddy work is a complaint');
    await page.getByRole('button', { name: 'Run all examples' }).click();
    await expect.poll(() => page.getByTestId('examples-report').getByRole('status').textContent()).toBe('1 rules, 2 examples: 2 passed, 0 failed');
    await page.screenshot({ path: path.join(repoRoot, 'test-results', 'options-packs.png'), fullPage: true });
    await page.close();
  });

  it('a false positive marked in the QA review opens here as a proposed exception', async () => {
    const page = await session.openExtensionPage(`${OPTIONS}?propose=delay.still-waiting&text=${encodeURIComponent('still waiting')}`);
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 30_000 }).toMatch(/false positive of rule delay\.still-waiting/);
    await expect.poll(() => fired(page), { timeout: 20_000 }).toContain('delay.still-waiting');
    await page.close();
  });

  it('the live panel on a helpdesk runs the saved pack', async () => {
    const demo = await startDemoServer();
    try {
      const page = await session.context.newPage();
      const url = demo.url('/demo/tickets/1048');
      await page.goto(url);
      const panel = await session.openExtensionPage(`src/sidepanel/index.html?tab=${await tabIdOf(session.serviceWorker, url)}`);
      await page.evaluate((text) => (window as unknown as { demo: { addCustomerMessage(t: string): void } }).demo.addCustomerMessage(text), TICKET);
      await expect.poll(() => panel.getByTestId('customer-message').textContent(), { timeout: 15_000 }).toBe(TICKET);
      await expect.poll(() => panel.locator('[data-testid="customer-message"] mark[data-rule="team-e2e.example"]').textContent()).toBe('shoddy work');
      await page.close();
      await panel.close();
    } finally {
      await demo.close();
    }
  });

  it('an edit with an error shows file:line inline, is refused on save, and stays a draft', async () => {
    const page = await openOptions(session);
    await page.getByRole('button', { name: 'Open team-e2e' }).click();
    await expect.poll(() => editorText(page)).toContain('shoddy work');
    await setEditorText(page, (await editorText(page)).replace('category: complaint', 'category: grumpy'));
    await expect.poll(() => page.getByTestId('problems').textContent(), { timeout: 20_000 }).toMatch(/rules\.yaml:4:15: error: `category` must be one of/);
    await page.locator('.cm-lintRange-error').first().waitFor();
    await page.getByRole('button', { name: 'Save version' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/^Not saved: 1 error .*version 1 stays active\.$/);
    await expect.poll(() => page.getByTestId('active-summary').textContent()).toMatch(/from team-e2e, builtin/);
    await page.close();
  });

  it('a broken import shows its errors with file:line and the active packs do not change', async () => {
    const page = await openOptions(session);
    const broken = teamPack('voucher', 'broken-import').map((f) => ({ ...f, text: f.text.replace('level: warning', 'level: loud') }));
    await page.getByTestId('import-input').setInputFiles({ name: 'broken-import.yaml', mimeType: 'application/yaml', buffer: Buffer.from(toYamlStream(broken)) });
    await expect.poll(() => page.getByTestId('import-errors').textContent(), { timeout: 20_000 }).toMatch(/rules\.yaml:5:12: error: /);
    expect(await page.getByTestId('notice').textContent()).toMatch(/kept as a draft of broken-import and the active packs did not change/);
    expect(await page.getByTestId('active-summary').textContent()).toMatch(/from team-e2e, builtin$/);
    await page.close();
  });

  it('after a browser restart the saved edit is active and the broken edit is still a draft', async () => {
    earlier.errors.push(...session.errors);
    earlier.foreign.push(...session.foreignRequestsFromExtension());
    await session.close();
    session = await launchExtension({ userDataDir: profile });
    const page = await openOptions(session);
    expect(await page.getByTestId('active-summary').textContent()).toMatch(/from team-e2e, builtin$/);
    await page.getByRole('button', { name: 'Open team-e2e' }).click();
    await expect.poll(() => editorText(page)).toContain('category: grumpy');
    expect(await page.getByTestId('notice').textContent()).toMatch(/Restored your unsaved draft/);
    await expect.poll(() => page.getByTestId('problems').textContent(), { timeout: 20_000 }).toMatch(/rules\.yaml:4:15/);
    // The bench falls back to what is active: the saved version 1 with the shoddy-work rule.
    await page.getByTestId('bench-ticket').fill(TICKET);
    await expect.poll(() => fired(page), { timeout: 20_000 }).toContain('team-e2e.example');
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect.poll(() => editorText(page)).toContain('category: complaint');
    await page.close();
  });

  it('made no request outside the extension and logged no errors (both browser runs)', () => {
    expect([...earlier.foreign, ...session.foreignRequestsFromExtension()]).toEqual([]);
    expect([...earlier.errors, ...session.errors]).toEqual([]);
  });
});
