// The helpdesk editor's model over the in-memory store, with Chrome's permission answer given
// per test (granted, or refused as when the user closes the prompt).
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { HelpdeskBrowser } from '../../src/options/helpdesk-browser';
import { createHelpdesksModel, HELPDESK_DRAFT_KEY } from '../../src/options/helpdesks-model';
import { NO_POLICY } from '../../src/shared/packs-policy';
import { memoryStore } from '../../src/shared/packs-store';
import { CUSTOM_HELPDESKS_KEY, SELECTOR_OVERRIDES_KEY } from '../../src/shared/settings';
import { definition as rt } from '../../src/adapters/selectors/rt';

function browserGranting(granted: Set<string>): HelpdeskBrowser & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    hasAccess: async (patterns) => patterns.every((p) => granted.has(p)),
    requestAccess: async (patterns) => {
      asked.push(patterns);
      return patterns.every((p) => granted.has(p));
    },
    probeOpenTabs: async () => [],
  };
}

const open = (store = memoryStore(), granted = new Set<string>()) => {
  const browser = browserGranting(granted);
  return createHelpdesksModel({ store, browser, builtIn: [rt], policy: signal(NO_POLICY), isValidSelector: (s) => !s.includes('['), delayMs: 1 }).then((m) => ({ m, browser, store }));
};

function typeAcme(m: Awaited<ReturnType<typeof open>>['m']): void {
  m.addCustom();
  m.update({ name: 'Acme', matches: 'https://help.acme.example/tickets' });
  m.update({ selectors: { root: '#case', message: '.entry', body: '.text' } });
}

describe('helpdesk editor model', () => {
  it('saves a helpdesk whose permission was refused, lists it as needing permission, and grants it later', async () => {
    const { m, browser, store } = await open();
    typeAcme(m);
    await m.save();
    expect(browser.asked).toEqual([['https://help.acme.example/*']]);
    expect((await store.get([CUSTOM_HELPDESKS_KEY]))[CUSTOM_HELPDESKS_KEY]).toEqual([
      { id: 'acme', name: 'Acme', matches: ['https://help.acme.example/*'], order: 'oldest-first', selectors: { root: '#case', message: '.entry', body: '.text' } },
    ]);
    expect(m.access.value).toEqual({ acme: false });
    expect(m.notice.value?.text).toMatch(/did not grant access to https:\/\/help\.acme\.example\/\*: it is listed as “permission needed”/);
    expect(m.editing.value).toBeNull();

    // A fresh page finds it, still without access.
    const again = await open(store);
    await again.m.refreshAccess();
    expect(again.m.rows.value.filter((r) => r.source === 'custom').map((r) => r.definition.id)).toEqual(['acme']);
    expect(again.m.access.value).toEqual({ acme: false });

    const granting = await open(store, new Set(['https://help.acme.example/*']));
    await granting.m.grant('acme');
    expect(granting.m.access.value).toEqual({ acme: true });
  });

  it('does not save a form with problems, and keeps what was typed across a reload', async () => {
    const { m, store } = await open();
    typeAcme(m);
    m.update({ selectors: { author: 'a[href' } });
    await m.save();
    expect(m.problems.value).toEqual({ author: ['“a[href” is not a valid CSS selector.'] });
    expect((await store.get([CUSTOM_HELPDESKS_KEY]))[CUSTOM_HELPDESKS_KEY]).toBeUndefined();
    await new Promise((r) => setTimeout(r, 20));
    expect(store.data.has(HELPDESK_DRAFT_KEY)).toBe(true);

    const again = await open(store);
    expect(again.m.editing.value?.form.name).toBe('Acme');
    expect(again.m.editing.value?.form.selectors.author).toBe('a[href');
    expect(again.m.notice.value?.text).toMatch(/not saved yet; here it is again/);
    await again.m.cancel();
    expect(store.data.has(HELPDESK_DRAFT_KEY)).toBe(false);
  });

  it('edits keep the id; selector fixes for a built-in helpdesk go through the content script’s parser', async () => {
    const { m, store } = await open(undefined, new Set(['https://help.acme.example/*']));
    typeAcme(m);
    await m.save();
    m.editCustom('acme');
    m.update({ name: 'Acme Support' });
    await m.save();
    expect(m.custom.value.map((d) => [d.id, d.name])).toEqual([['acme', 'Acme Support']]);

    m.editOverrides('rt');
    m.update({ selectors: { body: '  .new-body ' } });
    await m.save();
    expect((await store.get([SELECTOR_OVERRIDES_KEY]))[SELECTOR_OVERRIDES_KEY]).toEqual({ rt: { body: '.new-body' } });
    m.editOverrides('rt');
    expect(m.editing.value?.form.selectors.body).toBe('.new-body');
    m.update({ selectors: { body: '' } });
    await m.save();
    expect((await store.get([SELECTOR_OVERRIDES_KEY]))[SELECTOR_OVERRIDES_KEY]).toEqual({});
  });

  it('says so when there is no address to test, or no open tab', async () => {
    const { m } = await open(undefined, new Set(['https://help.acme.example/*']));
    m.addCustom();
    await m.test();
    expect(m.probe.value.message).toMatch(/^Add the helpdesk’s address first/);
    typeAcme(m);
    await m.test();
    expect(m.probe.value.message).toBe('No open tab matches https://help.acme.example/*. Open a ticket there in another tab and test again.');
  });
});
