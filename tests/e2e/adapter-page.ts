// Runs the adapters inside a real page: bundles src/adapters/registry.ts to an IIFE (global
// `__tactfulAdapters`) and injects it into fixture pages, as the content script will run there.
import { build } from 'esbuild';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type * as Registry from '../../src/adapters/registry';
import type * as Text from '../../src/adapters/text';
import type { ConversationSnapshot, SelfTest } from '../../src/shared/conversation';
import { repoRoot } from './harness';

declare global {
  interface Window {
    __tactfulAdapters?: typeof Registry;
    __tactfulText?: typeof Text;
    fixture: { addMessage(role: string, text: string): number; switchTicket(n: number): void; loadHistory(): Promise<void> };
  }
}

/** A module of src/ as a script that puts its exports on `globalName`. */
export async function bundleModule(entry: string, globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, entry)],
    bundle: true,
    format: 'iife',
    globalName,
    target: 'chrome120',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

export const bundleAdapters = () => bundleModule('src/adapters/registry.ts', '__tactfulAdapters');

/** Injects the bundle unless the page already has it (a full navigation drops it). */
export async function ensureAdapters(page: Page, bundle: string): Promise<void> {
  if (!(await page.evaluate(() => Boolean(window.__tactfulAdapters)))) await page.addScriptTag({ content: bundle });
}

/** What the content script would see: the picked adapter, its snapshot and self-test. */
export interface PageReading {
  picked: string;
  snapshot: ConversationSnapshot | null;
  selfTest: SelfTest;
  editor: { tag: string; editable: boolean; inFrame: boolean } | null;
  /** Matches per selector in the whole document. */
  counts: Record<string, number>;
  roots: number;
}

/**
 * Reads the page through the adapters. `origin` stands in for a SaaS helpdesk's real origin
 * (the page itself is served from 127.0.0.1): path, query and hash come from the live location.
 */
export function readPage(page: Page, origin?: string, overrides?: Record<string, string>): Promise<PageReading> {
  return page.evaluate(
    ({ origin, overrides }) => {
      const api = window.__tactfulAdapters!;
      const url = new URL(location.pathname + location.search + location.hash, origin ?? location.origin);
      const picked = api.pickAdapter(document, url);
      const adapter = overrides ? api.withDefinition(picked, api.withOverrides(picked.definition, overrides)) : picked;
      const editor = adapter.findEditor(document);
      const counts: Record<string, number> = {};
      for (const [name, selector] of Object.entries(adapter.definition.selectors)) {
        if (selector) counts[name] = document.querySelectorAll(selector).length;
      }
      return {
        picked: picked.definition.id,
        snapshot: adapter.read(document, url),
        selfTest: adapter.selfTest(document, url),
        editor: editor && {
          tag: editor.tagName,
          editable: editor.isContentEditable || editor.tagName === 'TEXTAREA',
          inFrame: editor.ownerDocument !== document,
        },
        counts,
        roots: adapter.roots(document).length,
      };
    },
    { origin, overrides },
  );
}
