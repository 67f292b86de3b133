/**
 * Builds the log record for one thing an agent did with a suggestion, under the logging mode:
 * `off` records nothing, `metadata` records no customer text, `excerpts` adds a redacted excerpt
 * with its cue spans. The ticket key is stored only as a short SHA-256 prefix.
 */
import type { LogAction, LogEvent, LogSettings } from '../../shared/log';
import { checkLogEvent } from '../../shared/log-validate';
import { redactExcerpt, redactReason, type CueSpan } from './redact-event';

export interface EventInput {
  agent: string;
  helpdesk: string;
  /** The helpdesk's ticket id or URL key; only its hash is stored. */
  ticketKey: string;
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

/** First 16 hex characters of SHA-256 of the key: groups a ticket's events without storing its id. */
export async function hashTicket(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return Array.from(new Uint8Array(digest).subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The event to store, or null when the mode says to store nothing. Throws on input no event can be built from. */
export async function buildEvent(input: EventInput, settings: Pick<LogSettings, 'mode'>, now: number, newId: () => string = () => crypto.randomUUID()): Promise<LogEvent | null> {
  if (settings.mode === 'off') return null;
  const event: LogEvent = {
    id: newId(),
    time: Math.floor(now),
    agent: input.agent,
    helpdesk: input.helpdesk,
    ticket: await hashTicket(input.ticketKey),
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
  const reason = redactReason(input.reason, input.names);
  if (reason !== undefined) event.reason = reason;
  if (settings.mode === 'excerpts' && input.text) {
    const redacted = redactExcerpt(input.text, input.cues ?? [], input.names);
    if (redacted && redacted.excerpt !== '') {
      event.excerpt = redacted.excerpt;
      if (redacted.cues.length > 0) event.cues = redacted.cues;
    }
  }
  const checked = checkLogEvent(event);
  if (!checked.ok) throw new TypeError(`cannot build a log event: ${checked.error}`);
  return checked.event;
}
