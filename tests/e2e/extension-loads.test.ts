import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

describe('built extension in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  }, 30_000);

  afterAll(async () => {
    await session?.close();
  });

  it('starts its service worker under a chrome-extension:// id', () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    expect(session.serviceWorker.url()).toBe(session.extensionUrl('service-worker-loader.js'));
  });

  it('renders the side panel page', async () => {
    const page = await session.openExtensionPage('src/sidepanel/index.html');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tactful');
    const status = page.getByTestId('panel-status');
    await status.waitFor({ state: 'visible', timeout: 5_000 });
    // Opened as a tab on its own, the panel follows the active tab: this page itself, not a helpdesk.
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 5_000 }).toBe('unsupported');
    await page.close();
  });

  it('renders the options page', async () => {
    const page = await session.openExtensionPage('src/options/index.html');
    await page.getByRole('heading', { name: 'Tactful rule packs' }).waitFor({ timeout: 5_000 });
    await page.close();
  });

  it('made no request outside the extension and logged no errors', () => {
    const outside = session.requests.filter((r) => !r.url.startsWith(`${session.origin}/`));
    expect(outside).toEqual([]);
    expect(session.foreignRequestsFromExtension()).toEqual([]);
    // The pages did load their bundles through the recorder, so an empty list means something.
    expect(session.requests.some((r) => r.resourceType === 'script')).toBe(true);
    expect(session.errors).toEqual([]);
  });
});
