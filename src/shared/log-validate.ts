/**
 * Checks one untrusted record (an imported line, an old database row) against the LogEvent shape
 * and copies only the known fields, so an edited export cannot smuggle extra data into the store.
 * Returns a readable reason instead of throwing: importers count bad lines and go on.
 */
import { LOG_ACTIONS, type LogAction, type LogEvent } from './log';

export type EventCheck = { ok: true; event: LogEvent } | { ok: false; error: string };

/** Longest id-like string accepted (ids, pack versions, rule ids ...). */
const MAX_ID = 200;
/** Longest excerpt or reason accepted; the builder cuts excerpts well below this. */
const MAX_TEXT = 20_000;
const MAX_LIST = 500;

class Invalid extends Error {}

function str(record: Record<string, unknown>, key: string, max = MAX_ID, allowEmpty = false): string {
  const value = record[key];
  if (typeof value !== 'string') throw new Invalid(`"${key}" must be a string`);
  if (!allowEmpty && value === '') throw new Invalid(`"${key}" must not be empty`);
  if (value.length > max) throw new Invalid(`"${key}" is longer than ${max} characters`);
  return value;
}

function optionalStr(record: Record<string, unknown>, key: string, max = MAX_ID): string | undefined {
  return record[key] === undefined ? undefined : str(record, key, max);
}

function strList(record: Record<string, unknown>, key: string): string[] {
  const value = record[key];
  if (!Array.isArray(value) || value.length > MAX_LIST) throw new Invalid(`"${key}" must be a list of at most ${MAX_LIST} strings`);
  for (const item of value) {
    // "|" joins list items in CSV exports, so it cannot be part of an item.
    if (typeof item !== 'string' || item === '' || item.length > MAX_ID || item.includes('|')) throw new Invalid(`"${key}" has an item that is not a short string without "|"`);
  }
  return [...value] as string[];
}

function cueList(value: unknown, excerpt: string | undefined): LogEvent['cues'] {
  if (value === undefined) return undefined;
  if (excerpt === undefined) throw new Invalid('"cues" need an "excerpt"');
  if (!Array.isArray(value) || value.length > MAX_LIST) throw new Invalid(`"cues" must be a list of at most ${MAX_LIST} cues`);
  return value.map((cue: unknown) => {
    const c = cue as Record<string, unknown>;
    const ok =
      typeof c === 'object' && c !== null && typeof c.ruleId === 'string' && c.ruleId !== '' && c.ruleId.length <= MAX_ID &&
      Number.isInteger(c.start) && Number.isInteger(c.end) && (c.start as number) >= 0 && (c.end as number) > (c.start as number) && (c.end as number) <= excerpt.length;
    if (!ok) throw new Invalid('a cue must be {ruleId, start, end} with 0 <= start < end <= excerpt length');
    return { ruleId: c.ruleId as string, start: c.start as number, end: c.end as number };
  });
}

export function checkLogEvent(value: unknown): EventCheck {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid('not an object');
    const r = value as Record<string, unknown>;
    const time = r.time;
    if (typeof time !== 'number' || !Number.isSafeInteger(time) || time < 0) throw new Invalid('"time" must be milliseconds since the epoch');
    const action = r.action;
    if (!LOG_ACTIONS.includes(action as LogAction)) throw new Invalid(`"action" must be one of ${LOG_ACTIONS.join(', ')}`);
    const frustration = r.frustration;
    if (typeof frustration !== 'number' || !(frustration >= 0 && frustration <= 4)) throw new Invalid('"frustration" must be a number from 0 to 4');
    if (typeof r.boundary !== 'boolean') throw new Invalid('"boundary" must be true or false');
    const excerpt = optionalStr(r, 'excerpt', MAX_TEXT);
    const event: LogEvent = {
      id: str(r, 'id'),
      time,
      agent: str(r, 'agent'),
      helpdesk: str(r, 'helpdesk'),
      ticket: str(r, 'ticket', MAX_ID, true),
      packId: str(r, 'packId', MAX_ID, true),
      packVersion: str(r, 'packVersion', MAX_ID, true),
      action: action as LogAction,
      ruleIds: strList(r, 'ruleIds'),
      categories: strList(r, 'categories'),
      frustration,
      boundary: r.boundary,
    };
    const optional = { suggestionId: optionalStr(r, 'suggestionId'), step: optionalStr(r, 'step'), reason: optionalStr(r, 'reason', MAX_TEXT), excerpt, cues: cueList(r.cues, excerpt) };
    for (const [key, v] of Object.entries(optional)) if (v !== undefined) Object.assign(event, { [key]: v });
    return { ok: true, event };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    return { ok: false, error: `unreadable record (${String(error)})` };
  }
}
