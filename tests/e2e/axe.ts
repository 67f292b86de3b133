// Runs axe-core in a page and lists its violations as "rule-id (count)".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** `within`: a CSS selector to check only part of the page (by default the whole document). */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  // Evaluated through the debugger protocol: extension pages' CSP rightly refuses inline script tags.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(ctx: Document | { include: string[] }): Promise<{ passes: unknown[]; violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    return axe.run(selector ? { include: [selector] } : document);
  }, within);
  // An empty list must mean "checked and clean", not "checked nothing".
  if (result.passes.length === 0) return ['axe checked nothing'];
  return result.violations.map((v) => `${v.id} (${v.nodes.length}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))})`);
}
