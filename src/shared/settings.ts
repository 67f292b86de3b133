/**
 * Settings that cross module lines (stored in chrome.storage by pages, read by the content script).
 * Stored values are untrusted: a team lead may have typed them, policy may push them. Parse, keep
 * what is valid, and say in plain words what was dropped.
 */
import type { HelpdeskDefinition, HelpdeskSelectors } from './helpdesk';

export const CUSTOM_HELPDESKS_KEY = 'customHelpdesks';

const SELECTOR_KEYS: ReadonlyArray<keyof HelpdeskSelectors> = [
  'root', 'message', 'body', 'exclude', 'author', 'time', 'internal', 'agent', 'customer', 'subject', 'requester', 'editor',
];
const REQUIRED: ReadonlyArray<keyof HelpdeskSelectors> = ['root', 'message', 'body'];
const MATCH_PATTERN = /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/;

export interface ParsedHelpdesks {
  definitions: HelpdeskDefinition[];
  problems: string[];
}

const isText = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

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
    const matches = Array.isArray(raw.matches) ? raw.matches.filter((m): m is string => isText(m, 500) && MATCH_PATTERN.test(m)) : [];
    if (matches.length === 0) return problems.push(`${where} (${raw.id}): needs at least one match pattern such as https://help.example.com/*`);
    const rawSelectors = (typeof raw.selectors === 'object' && raw.selectors) as Record<string, unknown> | false;
    const selectors: Partial<HelpdeskSelectors> = {};
    for (const key of SELECTOR_KEYS) if (rawSelectors && isText(rawSelectors[key])) selectors[key] = rawSelectors[key];
    const missing = REQUIRED.filter((k) => !selectors[k]);
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
