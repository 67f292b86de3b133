/**
 * The custom-helpdesk form as plain data: what a team lead typed <-> a HelpdeskDefinition. The
 * content script's own checks (parseCustomHelpdesks, definitionProblems) decide what is valid, so
 * the form accepts exactly what will be used live; here they are only mapped to the fields.
 */
import { definitionProblems } from '../adapters/validate';
import type { HelpdeskDefinition, HelpdeskSelectors } from '../shared/helpdesk';
import { isMatchPattern, parseCustomHelpdesks, REQUIRED_SELECTORS } from '../shared/settings';

export type SelectorName = keyof HelpdeskSelectors;

export interface SelectorField {
  key: SelectorName;
  label: string;
  hint: string;
}

/** Every selector, in the order a team lead fills them in, with what it means in plain words. */
export const SELECTOR_FIELDS: readonly SelectorField[] = [
  { key: 'root', label: 'Conversation area', hint: 'The element around the whole conversation, e.g. #ticket-thread' },
  { key: 'message', label: 'One message', hint: 'Matches each message inside the conversation area, e.g. .thread-entry' },
  { key: 'body', label: 'Message text', hint: 'Inside a message: the text the person wrote, e.g. .entry-body' },
  { key: 'author', label: 'Author name', hint: 'Inside a message (optional)' },
  { key: 'time', label: 'Time', hint: 'Inside a message (optional); a datetime or title attribute is used when present' },
  { key: 'customer', label: 'Customer message', hint: 'A message matching this is the customer’s (optional: unmarked messages count as the customer’s)' },
  { key: 'agent', label: 'Agent message', hint: 'A message matching this is an agent’s reply' },
  { key: 'internal', label: 'Internal note', hint: 'A message matching this is an internal note (checked before agent)' },
  { key: 'subject', label: 'Ticket subject', hint: 'Anywhere on the page (optional)' },
  { key: 'requester', label: 'Customer name', hint: 'Anywhere on the page (optional); else the first customer message’s author' },
  { key: 'editor', label: 'Reply editor', hint: 'Where replies are typed: a textarea, contenteditable or editor iframe' },
  { key: 'exclude', label: 'Leave out', hint: 'Inside the message text: quoted history, signatures (optional)' },
];

export type Order = HelpdeskDefinition['order'];

export interface HelpdeskForm {
  /** Empty for a new helpdesk: one is made from the name. */
  id: string;
  name: string;
  /** Addresses or match patterns, one per line. */
  matches: string;
  ticketUrl: string;
  order: Order;
  selectors: Record<SelectorName, string>;
}

export type FieldName = 'name' | 'matches' | 'ticketUrl' | SelectorName | 'form';
export type FieldProblems = Partial<Record<FieldName, string[]>>;

export function emptyForm(): HelpdeskForm {
  const selectors = Object.fromEntries(SELECTOR_FIELDS.map((f) => [f.key, ''])) as Record<SelectorName, string>;
  return { id: '', name: '', matches: '', ticketUrl: '', order: 'oldest-first', selectors };
}

export function definitionToForm(definition: HelpdeskDefinition): HelpdeskForm {
  const form = emptyForm();
  for (const { key } of SELECTOR_FIELDS) form.selectors[key] = definition.selectors[key] ?? '';
  return { ...form, id: definition.id, name: definition.name, matches: definition.matches.join('\n'), ticketUrl: definition.ticketUrl ?? '', order: definition.order };
}

/**
 * A match pattern from what a team lead pasted: a pattern (with a `*`) stays as it is; an address
 * (`https://help.example.com/tickets/7`, or just `help.example.com`) becomes its site,
 * `https://help.example.com/*`. Ports are dropped: Chrome's patterns match every port.
 */
export function toMatchPattern(input: string): { pattern: string } | { problem: string } {
  const text = input.trim();
  const explain = `“${text.slice(0, 100)}” is not an address or a pattern like https://help.example.com/*`;
  // A star makes it a pattern; anything else is an address, even one with a path (`.../tickets`).
  if (text.includes('*')) {
    if (!isMatchPattern(text)) return { problem: explain };
    // Every site would mean reading every page the agent opens: name the helpdesk's own.
    return /^[^:]+:\/\/\*\//.test(text) ? { problem: `“${text.slice(0, 100)}” covers every site; name the helpdesk’s own, e.g. https://*.example.com/*` } : { pattern: text };
  }
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { problem: explain };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: `${explain} (only http and https pages)` };
  const pattern = `${url.protocol}//${url.hostname}/*`;
  return isMatchPattern(pattern) && url.hostname !== '' ? { pattern } : { problem: explain };
}

/** The patterns of the form's lines, or the problem with each line that is neither address nor pattern. */
export function formPatterns(form: Pick<HelpdeskForm, 'matches'>): { patterns: string[]; problems: string[] } {
  const patterns: string[] = [];
  const problems: string[] = [];
  for (const line of form.matches.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const result = toMatchPattern(line);
    if ('pattern' in result) patterns.push(result.pattern);
    else problems.push(result.problem);
  }
  return { patterns: [...new Set(patterns)], problems };
}

/** A stable id from the name (`Acme Desk` -> `acme-desk`), different from the ids already in use. */
export function idFromName(name: string, taken: readonly string[]): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '').slice(0, 28) || 'helpdesk';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

const add = (problems: FieldProblems, field: FieldName, message: string) => {
  (problems[field] ??= []).push(message);
};

/**
 * The definition the form describes, or what stops it, by field. `isValidSelector` checks CSS
 * syntax (the page passes the browser's own parser; node tests pass a fake).
 */
export function formToDefinition(
  form: HelpdeskForm,
  options: { takenIds: readonly string[]; isValidSelector: (selector: string) => boolean },
): { definition: HelpdeskDefinition | null; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const name = form.name.trim();
  if (!name) add(problems, 'name', 'Give the helpdesk a name agents will recognise.');
  const { patterns, problems: patternProblems } = formPatterns(form);
  patternProblems.forEach((p) => add(problems, 'matches', p));
  if (patterns.length === 0 && patternProblems.length === 0) add(problems, 'matches', 'Paste the helpdesk’s address, e.g. https://help.example.com');
  const selectors: Partial<HelpdeskSelectors> = {};
  for (const { key } of SELECTOR_FIELDS) {
    const selector = form.selectors[key].trim();
    if (!selector) {
      if (REQUIRED_SELECTORS.includes(key)) add(problems, key, 'Required.');
      continue;
    }
    if (!options.isValidSelector(selector)) add(problems, key, `“${selector}” is not a valid CSS selector.`);
    selectors[key] = selector;
  }
  const id = form.id || idFromName(name, options.takenIds);
  const raw = { id, name, matches: patterns, ticketUrl: form.ticketUrl.trim() || undefined, order: form.order, selectors };
  // The content script's checks, in its order: what they refuse is refused here too.
  const parsed = parseCustomHelpdesks([raw]);
  const definition = parsed.definitions[0] ?? null;
  const shapeProblems = definition ? definitionProblems(definition) : [];
  const explained = Object.keys(problems).length > 0;
  if (!definition && !explained) {
    const problem = parsed.problems[0]?.replace(/^custom helpdesk 1( \([^)]*\))?: /, '') ?? 'not usable';
    add(problems, /ticketUrl/.test(problem) ? 'ticketUrl' : 'form', problem.replace('ticketUrl', 'The ticket address pattern'));
  }
  shapeProblems.forEach((p) => add(problems, 'form', p));
  return { definition: Object.keys(problems).length === 0 ? definition : null, problems };
}
