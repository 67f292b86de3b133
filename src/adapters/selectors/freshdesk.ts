// Freshdesk (facts from public extensions' code, /work/shared/design/helpdesks.md; not verifiable here).
// Root, subject and time are not in those facts: the self-test will name them if they drift.
// Counts are for tests/fixtures/helpdesks/freshdesk.html.
import type { ExpectedCounts, HelpdeskDefinition } from '../types';

const ITEM = '.ticket-details__item';

export const definition: HelpdeskDefinition = {
  id: 'freshdesk',
  name: 'Freshdesk',
  matches: ['https://*.freshdesk.com/*'],
  ticketUrl: '/a/tickets/(\\d+)',
  order: 'oldest-first',
  selectors: {
    root: '.ticket-details',
    message: ITEM,
    body: '[data-test-id="conversation-content"], [data-test-id="ticket-description"]',
    // Freshdesk wraps quoted history of its own mails in this class.
    exclude: '.freshdesk_quote',
    author: '[data-test-id="user-name"]',
    time: 'time',
    internal: `${ITEM}.privatenote`,
    // The marker may carry "false" on customers; only its presence without "false" means agent.
    agent: `${ITEM}:has([data-test-is-agent]:not([data-test-is-agent="false"]))`,
    customer: `${ITEM}.requestor`,
    subject: '[data-test-id="ticket-subject"]',
    editor: '.fr-element.fr-view[contenteditable="true"]',
  },
};

export const expected: ExpectedCounts = {
  root: 1,
  message: 5,
  body: 5,
  exclude: 2,
  author: 5,
  time: 5,
  internal: 1,
  agent: 3,
  customer: 2,
  subject: 1,
  editor: 1,
};
