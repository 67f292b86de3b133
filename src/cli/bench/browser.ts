/**
 * Ticket open -> suggestions visible, in the real extension: Chromium with dist/ loaded, the demo
 * helpdesk, and the side panel page for that tab. Each run switches the demo to another ticket
 * (as an agent clicking in the queue) and times until the panel shows that ticket's playbook.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumPath, launchWithExtension, tabIdOf } from '../start/browser';
import { startDemoServer } from '../start/demo-server';
import { summarise, type Timing } from './measure';

export const DIST = resolve(import.meta.dirname, '../../../dist');

export type BrowserBench = { ok: true; ticketOpen: Timing } | { ok: false; skipped: string };

/** Why the browser measurements cannot run here, or null when they can. */
export function browserMissing(): string | null {
  if (!existsSync(resolve(DIST, 'manifest.json'))) return 'no dist/ (run npm run build)';
  if (!existsSync(chromiumPath)) return `no Chromium at ${chromiumPath}`;
  return null;
}

export async function measureTicketOpen(switches: number): Promise<BrowserBench> {
  const missing = browserMissing();
  if (missing) return { ok: false, skipped: missing };
  const demo = await startDemoServer();
  const browser = await launchWithExtension({ distDir: DIST, headless: true });
  try {
    const page = await browser.context.newPage();
    const start = demo.url('/demo/tickets/1041');
    await page.goto(start);
    const tabId = await tabIdOf(browser.serviceWorker, start);
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/src/sidepanel/index.html?tab=${tabId}`);
    await panel.locator('[data-testid="playbook"] > li').first().waitFor({ timeout: 20_000 });
    const ids: number[] = await page.evaluate(() => (window as unknown as { demo: { tickets: Array<{ id: number }> } }).demo.tickets.map((t) => t.id));
    const samples: number[] = [];
    for (let i = 0; i < switches; i++) {
      const id = ids[(i + 1) % ids.length]!;
      // Watch the panel before switching, so the moment it shows the new ticket's playbook is caught exactly.
      // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
      // Installed (awaited) before the click, and it also checks at once, so no update slips past.
      await panel.evaluate(`window.__tactfulShown = new Promise((done) => {
        const ready = () => {
          const main = document.querySelector('main');
          return main?.getAttribute('data-ticket')?.endsWith(':${id}') && document.querySelector('[data-testid="playbook"], [data-testid="no-customer"]');
        };
        const observer = new MutationObserver(() => {
          if (ready()) { observer.disconnect(); done(Date.now()); }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        setTimeout(() => { observer.disconnect(); done(-1); }, 15000);
        if (ready()) { observer.disconnect(); done(Date.now()); }
      }); 0`);
      const clicked = await page.evaluate((ticket) => {
        const at = Date.now();
        (window as unknown as { demo: { open(id: number): void } }).demo.open(ticket);
        return at;
      }, id);
      const at = (await panel.evaluate('window.__tactfulShown')) as number;
      if (at < 0) throw new Error(`the panel did not show ticket ${id} within 15 s`);
      samples.push(at - clicked);
    }
    return { ok: true, ticketOpen: summarise(samples) };
  } finally {
    await browser.close();
    await demo.close();
  }
}
