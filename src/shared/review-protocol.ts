/**
 * Requests from the QA review page to the service worker (`review/...`, one-shot runtime messages)
 * and their responses. The service worker checks every request with `isReviewRequest` and answers
 * only our own extension pages: the log holds redacted customer text and must never reach a
 * content script. Malformed requests get an error response, never a throw.
 */
import { LOG_ACTIONS, type LogAction, type LogEvent } from './log';
import type { LogFilter } from './log-filter';
import type { LogStats } from './log-stats';
import type { LineError } from './log-format';

export type ExportFormat = 'csv' | 'ndjson';

export type ReviewRequest =
  | { type: 'review/query'; filter: LogFilter; offset: number; limit: number }
  | { type: 'review/stats'; filter: LogFilter }
  | { type: 'review/export'; filter: LogFilter; format: ExportFormat }
  /** One file's text; NDJSON or CSV is detected from its content. */
  | { type: 'review/import'; text: string }
  | { type: 'review/clear' }
  /** Applies the stored retention settings now (the page asks after saving them). */
  | { type: 'review/retention' }
  /**
   * Sent by an open review page every few seconds: Chrome stops a service worker after 30 s without
   * events, and with it the log's in-memory columns, which the next filter would have to rebuild.
   */
  | { type: 'review/keepalive' };

export interface ImportSummary {
  added: number;
  duplicates: number;
  invalid: number;
  textDropped: number;
  errors: LineError[];
}

/** Each request type's answer; `ms` is how long the store took, measured in the service worker. */
export interface ReviewResults {
  'review/query': { events: LogEvent[]; total: number; ms: number };
  'review/stats': { stats: LogStats; ms: number };
  'review/export': { text: string };
  'review/import': ImportSummary;
  'review/clear': { cleared: true };
  'review/retention': { deletedByAge: number; deletedBySize: number };
  'review/keepalive': { alive: true };
}

export type ReviewResponse<T extends ReviewRequest['type'] = ReviewRequest['type']> = ({ ok: true } & ReviewResults[T]) | { ok: false; error: string };

/** Largest page a query may ask for: the table asks for a screenful at a time. */
export const MAX_PAGE = 1_000;
/** Chrome refuses runtime messages over 64 MiB; stay below with room for JSON escaping. */
export const MAX_IMPORT_CHARS = 48 * 1024 * 1024;
/** Well inside the 30 s a service worker may stay idle. */
export const KEEPALIVE_MS = 20_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShortString = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isLevel = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 4;
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);

const FILTER_KEYS = new Set(['from', 'to', 'helpdesk', 'category', 'ruleId', 'action', 'minFrustration', 'maxFrustration']);

export function isLogFilter(v: unknown): v is LogFilter {
  return (
    isObject(v) &&
    Object.keys(v).every((k) => FILTER_KEYS.has(k)) &&
    optional(v.from, isTime) &&
    optional(v.to, isTime) &&
    optional(v.helpdesk, isShortString) &&
    optional(v.category, isShortString) &&
    optional(v.ruleId, isShortString) &&
    optional(v.action, (a) => LOG_ACTIONS.includes(a as LogAction)) &&
    optional(v.minFrustration, isLevel) &&
    optional(v.maxFrustration, isLevel)
  );
}

const isCount = (v: unknown, max: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;

export function isReviewRequest(v: unknown): v is ReviewRequest {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'review/query':
      return isLogFilter(v.filter) && isCount(v.offset, Number.MAX_SAFE_INTEGER) && isCount(v.limit, MAX_PAGE);
    case 'review/stats':
      return isLogFilter(v.filter);
    case 'review/export':
      return isLogFilter(v.filter) && (v.format === 'csv' || v.format === 'ndjson');
    case 'review/import':
      return typeof v.text === 'string' && v.text.length <= MAX_IMPORT_CHARS;
    case 'review/clear':
    case 'review/retention':
    case 'review/keepalive':
      return true;
    default:
      return false;
  }
}

/** True for anything that claims to be a review request (well-formed or not), so other listeners' messages are left alone. */
export const isReviewType = (v: unknown): boolean => isObject(v) && typeof v.type === 'string' && v.type.startsWith('review/');
