// Zendesk Agent Workspace (facts from public extensions' code, /work/shared/design/helpdesks.md; not
// verifiable here). Counts are for tests/fixtures/helpdesks/zendesk.html, which keeps two tickets in the DOM.
import type { ExpectedCounts, HelpdeskDefinition } from '../types';

const MESSAGE = '[data-test-id="omni-log-comment-item"]';
const BUBBLE = '[data-test-id="omni-log-item-message"]';

export const definition: HelpdeskDefinition = {
  id: 'zendesk',
  name: 'Zendesk',
  matches: ['https://*.zendesk.com/*'],
  ticketUrl: '/agent/tickets/(\\d+)',
  order: 'oldest-first',
  selectors: {
    // Several tickets stay open in the DOM: only the active pane is the ticket on screen.
    root: '.ticket-panes-grid-layout[data-is-active="true"]',
    message: MESSAGE,
    body: '[data-test-id="omni-log-message-content"]',
    author: '[data-test-id="omni-log-item-sender"]',
    time: 'time',
    // Anchored on the message: a bare `:has()` would also match every ancestor.
    internal: `${MESSAGE}:has([data-test-id="omni-log-internal-note-tag"])`,
    agent: `${MESSAGE}:has(${BUBBLE}[type="agent"], ${BUBBLE}[type="bot"])`,
    customer: `${MESSAGE}:has(${BUBBLE}[type="end-user"])`,
    subject: '[data-test-id="omni-header-subject"]',
    editor: '.ck-editor__editable[data-test-id="omnicomposer-rich-text-ckeditor"], [data-test-id="omnicomposer-plain-text-ckeditor"]',
  },
};

/** Document-wide counts: the inactive pane (ticket 56) adds 2 messages and a composer. */
export const expected: ExpectedCounts = {
  root: 1,
  message: 7,
  body: 7,
  author: 7,
  time: 7,
  internal: 1,
  agent: 4,
  customer: 3,
  subject: 2,
  editor: 2,
};
