/**
 * The logging settings in chrome.storage.local. The review page writes them and the service worker
 * reads them (retention; whether to log at all). Stored values are untrusted (hand edits, policy,
 * older versions): keep what is valid, repair the rest to defaults, and say what was repaired.
 */
import { DEFAULT_LOG_SETTINGS, LOGGING_MODES, type LoggingMode, type LogSettings } from './log';

export const LOG_SETTINGS_KEY = 'logSettings';
/** Ten years: longer retention is a typo, not a policy. */
export const MAX_RETENTION_DAYS = 3650;
export const MAX_MAX_EVENTS = 1_000_000;

export interface ParsedLogSettings {
  settings: LogSettings;
  problems: string[];
}

const wholeIn = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

export function parseLogSettings(value: unknown): ParsedLogSettings {
  const settings: LogSettings = { ...DEFAULT_LOG_SETTINGS };
  const problems: string[] = [];
  if (value === undefined) return { settings, problems };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { settings, problems: ['log settings must be an object; using the defaults'] };
  const raw = value as Record<string, unknown>;
  if (LOGGING_MODES.includes(raw.mode as LoggingMode)) settings.mode = raw.mode as LoggingMode;
  else problems.push(`logging mode must be one of ${LOGGING_MODES.join(', ')}; using "${settings.mode}"`);
  if (wholeIn(raw.retentionDays, 1, MAX_RETENTION_DAYS)) settings.retentionDays = raw.retentionDays;
  else problems.push(`retention must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}; using ${settings.retentionDays}`);
  if (wholeIn(raw.maxEvents, 1, MAX_MAX_EVENTS)) settings.maxEvents = raw.maxEvents;
  else problems.push(`maximum events must be a whole number from 1 to ${MAX_MAX_EVENTS}; using ${settings.maxEvents}`);
  return { settings, problems };
}
