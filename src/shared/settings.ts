/**
 * Settings that cross module lines (stored in chrome.storage by pages, read by the content script).
 * Stored values are untrusted: a team lead may have typed them, policy may push them. Parse, keep
 * what is valid, and say in plain words what was dropped.
 */
import type { HelpdeskDefinition, HelpdeskSelectors } from './helpdesk';

export const CUSTOM_HELPDESKS_KEY = 'customHelpdesks';
/** The enterprise policy in force, as the service worker validated it (see packs-policy.ts). */
export const POLICY_KEY = 'policy.effective';
/** Selector fixes for built-in helpdesks, by adapter id: `{ rt: { body: '.new-body-class' } }`. */
export const SELECTOR_OVERRIDES_KEY = 'selectorOverrides';

export const SELECTOR_KEYS: ReadonlyArray<keyof HelpdeskSelectors> = [
  'root', 'message', 'body', 'exclude', 'author', 'time', 'internal', 'agent', 'customer', 'subject', 'requester', 'editor',
];
export const REQUIRED_SELECTORS: ReadonlyArray<keyof HelpdeskSelectors> = ['root', 'message', 'body'];
const MATCH_PATTERN = /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/;

/** Whether a custom helpdesk may use this Chrome match pattern (http(s) only, never a bare `<all_urls>`). */
export const isMatchPattern = (value: string): boolean => value.length <= 500 && MATCH_PATTERN.test(value);

export interface ParsedHelpdesks {
  definitions: HelpdeskDefinition[];
  problems: string[];
}

const isText = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

function pickSelectors(raw: unknown): Partial<HelpdeskSelectors> {
  const selectors: Partial<HelpdeskSelectors> = {};
  if (typeof raw !== 'object' || raw === null) return selectors;
  for (const key of SELECTOR_KEYS) {
    const value = (raw as Record<string, unknown>)[key];
    if (isText(value)) selectors[key] = value;
  }
  return selectors;
}

export interface ParsedOverrides {
  overrides: Record<string, Partial<HelpdeskSelectors>>;
  problems: string[];
}

export function parseSelectorOverrides(value: unknown): ParsedOverrides {
  const overrides: Record<string, Partial<HelpdeskSelectors>> = {};
  const problems: string[] = [];
  if (value === undefined) return { overrides, problems };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { overrides, problems: ['selector overrides must map a helpdesk id to selectors'] };
  for (const [id, raw] of Object.entries(value as Record<string, unknown>).slice(0, 100)) {
    const selectors = pickSelectors(raw);
    if (Object.keys(selectors).length === 0) problems.push(`selector overrides for ${id}: no valid selector`);
    else overrides[id] = selectors;
  }
  return { overrides, problems };
}

export function parseCustomHelpdesks(value: unknown): ParsedHelpdesks {
  const definitions: HelpdeskDefinition[] = [];
  const problems: string[] = [];
  if (value === undefined) return { definitions, problems };
  if (!Array.isArray(value)) return { definitions, problems: ['custom helpdesks must be a list'] };
  value.slice(0, 100).forEach((item: unknown, i) => {
    const where = `custom helpdesk ${i + 1}`;
    if (typeof item !== 'object' || item === null) return problems.push(`${where}: not an object`);
    const raw = item as Record<string, unknown>;
    if (!isText(raw.id, 64) || !/^[a-z0-9-]+$/.test(raw.id)) return problems.push(`${where}: id must be lowercase letters, digits or dashes`);
    const matches = Array.isArray(raw.matches) ? raw.matches.filter((m): m is string => isText(m, 500) && isMatchPattern(m)) : [];
    if (matches.length === 0) return problems.push(`${where} (${raw.id}): needs at least one match pattern such as https://help.example.com/*`);
    const selectors = pickSelectors(raw.selectors);
    const missing = REQUIRED_SELECTORS.filter((k) => !selectors[k]);
    if (missing.length > 0) return problems.push(`${where} (${raw.id}): missing selector ${missing.join(', ')}`);
    let ticketUrl: string | undefined;
    if (raw.ticketUrl !== undefined) {
      if (!isText(raw.ticketUrl, 500)) return problems.push(`${where} (${raw.id}): ticketUrl must be a regular expression`);
      try {
        new RegExp(raw.ticketUrl);
        ticketUrl = raw.ticketUrl;
      } catch {
        return problems.push(`${where} (${raw.id}): ticketUrl is not a valid regular expression`);
      }
    }
    definitions.push({
      id: raw.id,
      name: isText(raw.name, 100) ? raw.name : raw.id,
      matches,
      ticketUrl,
      order: raw.order === 'newest-first' ? 'newest-first' : 'oldest-first',
      selectors: selectors as HelpdeskSelectors,
    });
  });
  return { definitions, problems };
}
