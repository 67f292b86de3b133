/**
 * `npm start` (`tactful start`): build the extension, serve the demo helpdesk on 127.0.0.1, and open
 * Chromium with the extension loaded on a demo ticket and the panel beside it. With `--headless
 * --screenshot FILE` it does the same without a display and writes one picture of page and panel.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { parseArgs } from '../args';
import { launchWithExtension, tabIdOf } from './browser';
import { startDemoServer } from './demo-server';

const ROOT = resolve(import.meta.dirname, '../../..');
const DIST = resolve(ROOT, 'dist');

async function buildExtension(): Promise<void> {
  const { build } = await import('vite');
  await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/** Page and panel side by side in one PNG, rendered by the browser itself (no image library). */
async function combinedScreenshot(page: Page, panel: Page, file: string): Promise<void> {
  const [left, right] = await Promise.all([page.screenshot(), panel.screenshot({ fullPage: true })]);
  const sheet = await page.context().newPage();
  await sheet.setViewportSize({ width: 1280 + 420, height: 900 });
  const img = (png: Buffer, width: number) => `<img style="width:${width}px;vertical-align:top" src="data:image/png;base64,${png.toString('base64')}">`;
  await sheet.setContent(`<body style="margin:0;background:#888;white-space:nowrap">${img(left, 1280)}${img(right, 420)}</body>`);
  writeFileSync(file, await sheet.screenshot({ fullPage: true }));
  await sheet.close();
}

export async function runStart(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['screenshot', 'ticket', 'port'], ['headless', 'no-build']);
  const screenshot = args.options.get('screenshot');
  const headless = args.options.has('headless') || !process.env.DISPLAY;
  if (!args.options.has('no-build')) {
    process.stdout.write('Building the extension…\n');
    await buildExtension();
  }
  const demo = await startDemoServer(Number(args.options.get('port') ?? 0));
  const ticket = String(args.options.get('ticket') ?? '1041');
  const browser = await launchWithExtension({ distDir: DIST, headless, viewport: headless ? { width: 1280, height: 900 } : null });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const ticketUrl = demo.url(`/demo/tickets/${ticket}`);
  await page.goto(ticketUrl);
  const tabId = await tabIdOf(browser.serviceWorker, ticketUrl);
  // The real side panel opens only on a user gesture; the same panel page in a tab shows this tab's ticket.
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${browser.extensionId}/src/sidepanel/index.html?tab=${tabId}`);
  await panel.getByTestId('playbook').waitFor({ timeout: 15_000 });
  process.stdout.write(`Demo helpdesk: ${demo.origin}/demo/  (extension ${browser.extensionId})\n`);
  if (typeof screenshot === 'string') {
    await combinedScreenshot(page, panel, resolve(screenshot));
    process.stdout.write(`Screenshot written to ${resolve(screenshot)}\n`);
  }
  if (headless) {
    await browser.close();
    await demo.close();
    return 0;
  }
  await page.bringToFront();
  process.stdout.write('Chromium is open: the Tactful panel is in the second tab, or click the toolbar icon for the side panel. Ctrl+C to stop.\n');
  await new Promise<void>((done) => {
    browser.context.on('close', () => done());
    process.once('SIGINT', () => done());
  });
  await browser.close();
  await demo.close();
  return 0;
}
