import { describe, expect, it } from 'vitest';
import { isLogFilter, isReviewRequest, isReviewType, MAX_PAGE } from '../../src/shared/review-protocol';
import { parseLogSettings } from '../../src/shared/log-settings';
import { handleReviewRequest } from '../../src/background/log/review-handler';
import { freshStore, T0 } from '../log/helpers';

describe('review protocol', () => {
  it('accepts well-formed requests', () => {
    expect(isReviewRequest({ type: 'review/query', filter: { ruleId: 'a', from: 0, to: 5, minFrustration: 1 }, offset: 0, limit: 100 })).toBe(true);
    expect(isReviewRequest({ type: 'review/stats', filter: {} })).toBe(true);
    expect(isReviewRequest({ type: 'review/export', filter: {}, format: 'csv' })).toBe(true);
    expect(isReviewRequest({ type: 'review/import', text: '' })).toBe(true);
    expect(isReviewRequest({ type: 'review/clear' })).toBe(true);
    expect(isReviewRequest({ type: 'review/retention' })).toBe(true);
    expect(isReviewRequest({ type: 'review/keepalive' })).toBe(true);
  });

  it('rejects malformed ones', () => {
    expect(isReviewRequest({ type: 'review/query', filter: {}, offset: 0, limit: MAX_PAGE + 1 })).toBe(false);
    expect(isReviewRequest({ type: 'review/query', filter: {}, offset: -1, limit: 10 })).toBe(false);
    expect(isReviewRequest({ type: 'review/export', filter: {}, format: 'xlsx' })).toBe(false);
    expect(isReviewRequest({ type: 'review/import', text: 42 })).toBe(false);
    expect(isReviewRequest({ type: 'review/drop-tables' })).toBe(false);
    expect(isLogFilter({ action: 'deleted' })).toBe(false);
    expect(isLogFilter({ ruleId: '' })).toBe(false);
    expect(isLogFilter({ maxFrustration: 7 })).toBe(false);
    expect(isLogFilter({ sql: 'x' })).toBe(false);
    expect(isReviewType({ type: 'panel/subscribe' })).toBe(false);
    expect(isReviewType({ type: 'review/anything' })).toBe(true);
  });

  it('the handler answers a malformed request with an error, not a throw', async () => {
    const { store } = await freshStore();
    const context = { store, now: () => T0, settings: async () => parseLogSettings(undefined).settings };
    expect(await handleReviewRequest({ type: 'review/query', filter: { nope: 1 }, offset: 0, limit: 1 }, context)).toEqual({ ok: false, error: 'malformed review request' });
    expect(await handleReviewRequest({ type: 'review/query', filter: {}, offset: 0, limit: 1 }, context)).toMatchObject({ ok: true, total: 0, events: [] });
    expect(await handleReviewRequest({ type: 'review/keepalive' }, context)).toEqual({ ok: true, alive: true });
  });
});

describe('log settings', () => {
  it('defaults when nothing is stored, and repairs each bad field with a reason', () => {
    expect(parseLogSettings(undefined)).toEqual({ settings: { mode: 'metadata', retentionDays: 90, maxEvents: 200_000 }, problems: [] });
    expect(parseLogSettings({ mode: 'off', retentionDays: 7, maxEvents: 1000 })).toEqual({ settings: { mode: 'off', retentionDays: 7, maxEvents: 1000 }, problems: [] });
    const bad = parseLogSettings({ mode: 'all', retentionDays: 1.5, maxEvents: -1 });
    expect(bad.settings).toEqual({ mode: 'metadata', retentionDays: 90, maxEvents: 200_000 });
    expect(bad.problems).toHaveLength(3);
    expect(parseLogSettings('x').problems).toEqual(['log settings must be an object; using the defaults']);
  });
});
