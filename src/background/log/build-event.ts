/**
 * Builds the log record for one thing an agent did with a suggestion, under the logging mode:
 * `off` records nothing, `metadata` records no customer text, `excerpts` adds a redacted excerpt
 * with its cue spans. The ticket key is stored only as a short keyed hash (HMAC-SHA-256 with a
 * salt), so a small ticket number cannot be recovered by hashing every number in turn.
 */
import type { LogAction, LogEvent, LogSettings } from '../../shared/log';
import { checkLogEvent } from '../../shared/log-validate';
import { redactExcerpt, redactReason, type CueSpan } from './redact-event';

export interface EventInput {
  agent: string;
  helpdesk: string;
  /** The helpdesk's ticket id or URL key; only its hash is stored. */
  ticketKey: string;
  /** The key for the ticket hash: the team's salt from policy, else this profile's own. */
  ticketSalt: string;
  packId: string;
  packVersion: string;
  action: LogAction;
  ruleIds: readonly string[];
  categories: readonly string[];
  frustration: number;
  boundary: boolean;
  suggestionId?: string;
  step?: string;
  reason?: string;
  /** The customer message the suggestion answered; read only in `excerpts` mode. */
  text?: string;
  /** Cue spans within `text`. */
  cues?: readonly CueSpan[];
  /** Names the helpdesk shows (requester, authors), redacted wherever they appear. */
  names?: readonly string[];
}

/**
 * First 16 hex characters of HMAC-SHA-256(salt, key): groups a ticket's events without storing its
 * id. Unsalted, "ticket 4711" would be one of a few million hashes anyone can compute.
 */
export async function hashTicket(key: string, salt: string): Promise<string> {
  const encode = (text: string) => new TextEncoder().encode(text);
  const hmacKey = await crypto.subtle.importKey('raw', encode(salt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const digest = await crypto.subtle.sign('HMAC', hmacKey, encode(key));
  return Array.from(new Uint8Array(digest).subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The event to store, or null when the mode says to store nothing. Throws on input no event can be built from. */
export interface BuildSettings extends Pick<LogSettings, 'mode'> {
  /** Redaction's time budget (default: the live one); tests of the excerpt's content raise it so load cannot change the result. */
  redactBudgetMs?: number;
}

export async function buildEvent(input: EventInput, settings: BuildSettings, now: number, newId: () => string = () => crypto.randomUUID()): Promise<LogEvent | null> {
  if (settings.mode === 'off') return null;
  const event: LogEvent = {
    id: newId(),
    time: Math.floor(now),
    agent: input.agent,
    helpdesk: input.helpdesk,
    ticket: await hashTicket(input.ticketKey, input.ticketSalt),
    packId: input.packId,
    packVersion: input.packVersion,
    action: input.action,
    ruleIds: [...input.ruleIds],
    categories: [...input.categories],
    frustration: input.frustration,
    boundary: input.boundary,
  };
  if (input.suggestionId) event.suggestionId = input.suggestionId;
  if (input.step) event.step = input.step;
  const reason = redactReason(input.reason, input.names, settings.redactBudgetMs);
  if (reason !== undefined) event.reason = reason;
  if (settings.mode === 'excerpts' && input.text) {
    const redacted = redactExcerpt(input.text, input.cues ?? [], input.names, settings.redactBudgetMs);
    if (redacted && redacted.excerpt !== '') {
      event.excerpt = redacted.excerpt;
      if (redacted.cues.length > 0) event.cues = redacted.cues;
    }
  }
  const checked = checkLogEvent(event);
  if (!checked.ok) throw new TypeError(`cannot build a log event: ${checked.error}`);
  return checked.event;
}
