// Fallback for any page a team lead adds: ARIA conversation regions and articles, no vendor markup.
// Counts are for tests/fixtures/helpdesks/generic.html.
import type { ExpectedCounts, HelpdeskDefinition } from '../types';

/** Conversation regions, most specific first; the generic adapter reads only the first kind found. */
export const REGIONS = ['[role="log"]', '[aria-live="polite"], [aria-live="assertive"]', 'main'];

export const definition: HelpdeskDefinition = {
  id: 'generic',
  name: 'Any page',
  matches: [],
  order: 'oldest-first',
  selectors: {
    root: REGIONS.join(', '),
    message: 'article, [role="article"], [role="listitem"]',
    body: 'article, [role="article"], [role="listitem"]',
    exclude: 'header, footer, time, [class*="signature" i], [class*="meta" i]',
    author: '[rel="author"], [class*="author" i], [class*="sender" i]',
    time: 'time',
    internal: '[class*="internal" i], [class*="note" i], [data-internal]',
    agent: '[class*="agent" i], [class*="staff" i], [class*="outgoing" i], [data-role="agent"]',
    subject: 'main h1, h1',
    editor: 'textarea, [contenteditable=""], [contenteditable="true"]',
  },
};

export const expected: ExpectedCounts = {
  root: 2,
  message: 4,
  body: 4,
  exclude: 10,
  author: 4,
  time: 4,
  internal: 1,
  agent: 1,
  subject: 1,
  editor: 1,
};
