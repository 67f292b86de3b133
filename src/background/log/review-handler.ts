/**
 * Answers one review request from the log store. No chrome.* here: the service worker wires it to
 * runtime messages (review-service.ts) and node tests call it directly over fake-indexeddb, so the
 * review page's model is tested against the real store and the real request handling.
 */
import type { LogSettings } from '../../shared/log';
import { isReviewRequest, type ReviewRequest, type ReviewResponse } from '../../shared/review-protocol';
import type { LogStore } from './store';

export interface ReviewContext {
  store: LogStore;
  /** The retention settings in force (read from storage by the caller). */
  settings: () => Promise<Pick<LogSettings, 'retentionDays' | 'maxEvents'>>;
  now: () => number;
}

async function answer(request: ReviewRequest, { store, settings, now }: ReviewContext): Promise<ReviewResponse> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  switch (request.type) {
    case 'review/query': {
      const page = await store.query(request.filter, { offset: request.offset, limit: request.limit, order: 'desc' });
      return { ok: true, events: page.events, total: page.total, ms: elapsed() };
    }
    case 'review/stats':
      return { ok: true, stats: await store.stats(request.filter), ms: elapsed() };
    case 'review/export':
      return { ok: true, text: request.format === 'csv' ? await store.exportCsv(request.filter) : await store.exportNdjson(request.filter) };
    case 'review/import':
      return { ok: true, ...(await store.importEvents(request.text)) };
    case 'review/clear':
      await store.clear();
      return { ok: true, cleared: true };
    case 'review/retention':
      return { ok: true, ...(await store.applyRetention(await settings(), now())) };
    case 'review/keepalive':
      return { ok: true, alive: true };
  }
}

/** Validates and answers; every failure becomes an error response the page can show. */
export async function handleReviewRequest(request: unknown, context: ReviewContext): Promise<ReviewResponse> {
  if (!isReviewRequest(request)) return { ok: false, error: 'malformed review request' };
  try {
    return await answer(request, context);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
