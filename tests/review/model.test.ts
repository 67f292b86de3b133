// The review page's model against the real store (fake-indexeddb) through the service worker's handler.
import { beforeEach, describe, expect, it } from 'vitest';
import { toNdjson } from '../../src/shared/log-format';
import { matchesFilter } from '../../src/shared/log-filter';
import { createReviewModel, PAGE_SIZE, type ReviewModel } from '../../src/review/model';
import type { LogStore } from '../../src/background/log/store';
import { DAY, T0, event, freshStore, manyEvents } from '../log/helpers';
import { fakeTransport, type FakeTransport } from './fake-transport';

const file = (name: string, text: string) => ({ name, text: async () => text });

describe('review model', () => {
  let store: LogStore;
  let transport: FakeTransport;
  let model: ReviewModel;
  const events = manyEvents(1_000, 7);

  beforeEach(async () => {
    store = (await freshStore()).store;
    await store.add(events);
    transport = fakeTransport(store, () => T0 + 61 * DAY);
    model = createReviewModel(transport);
    await model.start();
  });

  it('shows the total and the first page, newest first, and fetches later pages on demand', async () => {
    expect(model.total.value).toBe(1_000);
    expect(model.queryMs.value).toBeGreaterThanOrEqual(0);
    const newest = [...events].sort((a, b) => b.time - a.time || (a.agent + a.id < b.agent + b.id ? 1 : -1));
    expect(model.rowAt(0)?.time).toBe(newest[0]!.time);
    expect(model.rowAt(PAGE_SIZE + 5)).toBeUndefined();
    const queriesBefore = transport.requests.filter((r) => r === 'review/query').length;
    await model.ensureRows(PAGE_SIZE, PAGE_SIZE * 2 + 3);
    expect(transport.requests.filter((r) => r === 'review/query').length - queriesBefore).toBe(2);
    expect(model.rowAt(PAGE_SIZE + 5)?.time).toBe(newest[PAGE_SIZE + 5]!.time);
    // Cached pages are not asked for again.
    await model.ensureRows(0, PAGE_SIZE * 2);
    expect(transport.requests.filter((r) => r === 'review/query').length - queriesBefore).toBe(2);
  });

  it('narrows rows, total and statistics with the filter form', async () => {
    await model.setFilter({ helpdesk: 'rt', ruleId: 'delay.waiting', minFrustration: '2', from: '2026-01-10', to: '2026-01-20' });
    const expected = events.filter((e) => matchesFilter(e, { helpdesk: 'rt', ruleId: 'delay.waiting', minFrustration: 2, from: Date.UTC(2026, 0, 10), to: Date.UTC(2026, 0, 21) }));
    expect(expected.length).toBeGreaterThan(0);
    expect(model.total.value).toBe(expected.length);
    expect(model.stats.value?.events).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) expect(model.rowAt(i)?.helpdesk).toBe('rt');
    // The pickers keep listing everything in the log, not just what the filter shows.
    expect(model.facets.value.rules).toContain('abuse.insult');
  });

  it('drops answers for a filter that was replaced before they arrived', async () => {
    const first = model.setFilter({ action: 'shown' });
    const second = model.setFilter({ action: 'dismissed' });
    await Promise.all([first, second]);
    expect(model.total.value).toBe(events.filter((e) => e.action === 'dismissed').length);
    expect(model.rowAt(0)?.action).toBe('dismissed');
  });

  it('exports the filtered log, and the export imports back as duplicates only', async () => {
    await model.setFilter({ category: 'billing' });
    await model.exportLog('ndjson');
    const [download] = transport.downloads;
    expect(download?.name).toMatch(/^tactful-log-\d{4}-\d{2}-\d{2}\.ndjson$/);
    const lines = download!.text.trim().split('\n');
    expect(lines.length).toBe(events.filter((e) => e.categories.includes('billing')).length);
    await model.importFiles([file('back.ndjson', download!.text)]);
    expect(model.imports.value).toEqual([{ file: 'back.ndjson', added: 0, duplicates: lines.length, invalid: 0, textDropped: 0, errors: [] }]);
    await model.exportLog('csv');
    expect(transport.downloads[1]?.text.split('\n')[0]).toMatch(/^id,time,agent/);
  });

  it('imports several files: new events, duplicates and invalid lines with their numbers', async () => {
    const other = manyEvents(30, 99, 'agent-b');
    const broken = `${JSON.stringify(other[0])}\nnot json\n${JSON.stringify({ ...other[1], action: 'nope' })}\n`;
    await model.importFiles([file('b.ndjson', toNdjson(other)), file('broken.ndjson', broken), file('mine.ndjson', toNdjson(events.slice(0, 5)))]);
    expect(model.imports.value.map((r) => [r.file, r.added, r.duplicates, r.invalid, r.errors.map((e) => e.line)])).toEqual([
      ['b.ndjson', 30, 0, 0, []],
      ['broken.ndjson', 0, 1, 2, [2, 3]],
      ['mine.ndjson', 0, 5, 0, []],
    ]);
    expect(model.total.value).toBe(1_030);
    expect(model.notice.value?.text).toMatch(/30 new events/);
  });

  it('refuses a file too large for one message, with a readable reason, and goes on with the next', async () => {
    const huge = { name: 'huge.ndjson', text: async () => ({ length: 60 * 1_048_576 }) as unknown as string };
    await model.importFiles([huge, file('b.ndjson', toNdjson(manyEvents(3, 5, 'agent-c')))]);
    expect(model.imports.value[0]).toMatchObject({ file: 'huge.ndjson', added: 0, invalid: 1, errors: [{ line: 0, message: expect.stringMatching(/too large/) }] });
    expect(model.imports.value[1]).toMatchObject({ file: 'b.ndjson', added: 3 });
  });

  it('clears the log', async () => {
    await model.clearLog();
    expect(model.total.value).toBe(0);
    expect(model.facets.value.rules).toEqual([]);
    expect((await store.query()).total).toBe(0);
  });

  it('validates settings, stores them, and applies retention at once', async () => {
    expect(model.settings.value).toEqual({ mode: 'metadata', retentionDays: 90, maxEvents: 200_000 });
    await model.saveSettings({ mode: 'loud', retentionDays: 0, maxEvents: 10 });
    expect(transport.stored.value).toBeUndefined();
    expect(model.settingsProblems.value).toHaveLength(2);
    expect(model.notice.value?.kind).toBe('error');
    // "Now" is T0 + 61 days: keeping 30 days drops what is older than T0 + 31 days.
    await model.saveSettings({ mode: 'excerpts', retentionDays: 30, maxEvents: 200_000 });
    expect(transport.stored.value).toEqual({ mode: 'excerpts', retentionDays: 30, maxEvents: 200_000 });
    const kept = events.filter((e) => e.time >= T0 + 31 * DAY).length;
    expect(model.total.value).toBe(kept);
    expect(model.notice.value?.text).toContain(`deleted ${1_000 - kept} events`);
  });

  it('reads stored settings, repairing invalid fields to defaults', async () => {
    transport.stored.value = { mode: 'excerpts', retentionDays: 'forever', maxEvents: 500 };
    await model.loadSettings();
    expect(model.settings.value).toEqual({ mode: 'excerpts', retentionDays: 90, maxEvents: 500 });
    expect(model.settingsProblems.value[0]).toMatch(/retention/);
  });

  it('proposes an exception by opening the options page with the rule and the cue text', () => {
    model.proposeException({ ruleId: 'abuse.insult', text: 'you idiots & co' });
    expect(transport.opened).toEqual(['chrome-extension://test/src/options/index.html?propose=abuse.insult&text=you%20idiots%20%26%20co']);
  });

  it('shows a service error instead of throwing', async () => {
    store.close();
    await model.refresh();
    expect(model.notice.value?.kind).toBe('error');
  });

  it('keeps a single event readable', async () => {
    const store2 = (await freshStore()).store;
    await store2.add([event({ id: 'x', excerpt: 'I waited two weeks', cues: [{ ruleId: 'delay.waiting', start: 2, end: 8 }] })]);
    const m = createReviewModel(fakeTransport(store2, () => T0));
    await m.start();
    expect(m.rowAt(0)?.excerpt).toBe('I waited two weeks');
  });
});
