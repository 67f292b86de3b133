// Intercom inbox. Only the composer is in the gathered facts (/work/shared/design/helpdesks.md);
// the conversation selectors below are unverified placeholders written for our fixture. On a real
// inbox the self-test names the ones that miss, and a team lead can fix them with overrides.
// Counts are for tests/fixtures/helpdesks/intercom.html.
import type { ExpectedCounts, HelpdeskDefinition } from '../types';

const PART = '[data-conversation-part-id]';

export const definition: HelpdeskDefinition = {
  id: 'intercom',
  name: 'Intercom',
  matches: ['https://app.intercom.com/*'],
  ticketUrl: '/a/inbox/[^/]+/inbox/(?:[^?#]*/)?conversation/(\\d+)',
  order: 'oldest-first',
  selectors: {
    root: '[data-conversation-stream]',
    message: PART,
    body: '[data-part-body]',
    author: '[data-part-author]',
    time: 'time',
    internal: `${PART}[data-part-type="note"]`,
    agent: `${PART}[data-author-type="admin"], ${PART}[data-author-type="bot"]`,
    customer: `${PART}[data-author-type="user"]`,
    subject: '[data-conversation-title]',
    // ProseMirror: insert by paste event, never innerHTML (that bypasses the editor's state).
    editor: '[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]',
  },
};

export const expected: ExpectedCounts = {
  root: 1,
  message: 5,
  body: 5,
  author: 5,
  time: 5,
  internal: 1,
  agent: 3,
  customer: 2,
  subject: 1,
  editor: 1,
};
