/**
 * One record of the local suggestion log (what was shown and what the agent did with it). Written
 * by the service worker into IndexedDB in the extension's origin; never readable by content scripts.
 * Customer text appears only as a redacted excerpt, and only in the `excerpts` logging mode.
 */

/** `rule_disabled`: the time budget turned a rule off for the panel session (`reason` says how slow it was). */
export const LOG_ACTIONS = ['shown', 'inserted', 'copied', 'edited', 'dismissed', 'rated_up', 'rated_down', 'wrong_cue', 'rule_disabled'] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

/** off: nothing is stored; metadata: no text at all; excerpts: redacted excerpts too. */
export const LOGGING_MODES = ['off', 'metadata', 'excerpts'] as const;
export type LoggingMode = (typeof LOGGING_MODES)[number];

export interface LogEvent {
  /** Unique id (random); with `agent` it deduplicates merged exports. */
  id: string;
  /** Milliseconds since the epoch. */
  time: number;
  /** Random id of this browser profile, so a team view can tell agents apart without naming them. */
  agent: string;
  /** Adapter id (`rt`, `zendesk`, `demo`, ...). */
  helpdesk: string;
  /** Keyed hash (HMAC-SHA-256 with the team or profile salt) of the ticket key, hex, first 16 characters: groups events of a ticket without revealing it. */
  ticket: string;
  packId: string;
  packVersion: string;
  action: LogAction;
  /** Rules that fired on the customer message the suggestion answered. */
  ruleIds: string[];
  categories: string[];
  frustration: number;
  boundary: boolean;
  /** The playbook entry and step the suggestion came from (absent for cue-only events like wrong_cue). */
  suggestionId?: string;
  step?: string;
  /** Thumbs-down reason, which cue was wrong, or how slow a disabled rule was. */
  reason?: string;
  /** Redacted excerpt of the customer message (only in `excerpts` mode; never raw text). */
  excerpt?: string;
  /** Cue spans within the excerpt, for highlighting in the review page. */
  cues?: Array<{ ruleId: string; start: number; end: number }>;
}

export interface LogSettings {
  mode: LoggingMode;
  /** Events older than this are deleted. */
  retentionDays: number;
  /** At most this many events are kept (oldest deleted first). */
  maxEvents: number;
}

export const DEFAULT_LOG_SETTINGS: LogSettings = { mode: 'metadata', retentionDays: 90, maxEvents: 200_000 };
