// Help Scout. The URL shape and `section.messageBody` (filled in lazily) are in the gathered facts
// (/work/shared/design/helpdesks.md); the other selectors are unverified placeholders modelled on
// FreeScout, its open-source clone. Counts are for tests/fixtures/helpdesks/helpscout.html after loadHistory().
import type { ExpectedCounts, HelpdeskDefinition } from '../types';

const THREAD = 'article.thread';

export const definition: HelpdeskDefinition = {
  id: 'helpscout',
  name: 'Help Scout',
  matches: ['https://secure.helpscout.net/*'],
  ticketUrl: '/conversation/(\\d+)/\\d+',
  order: 'newest-first',
  selectors: {
    root: '#conversation-threads',
    message: THREAD,
    body: 'section.messageBody',
    exclude: '.signature',
    author: '.thread-author',
    time: 'time',
    internal: `${THREAD}.note`,
    agent: `${THREAD}.staff`,
    customer: `${THREAD}.customer`,
    subject: '#conversation-subject',
    requester: '.customer-profile .customer-name',
    editor: '.reply-editor [contenteditable="true"]',
  },
};

export const expected: ExpectedCounts = {
  root: 1,
  message: 5,
  body: 5,
  exclude: 1,
  author: 5,
  time: 5,
  internal: 1,
  agent: 2,
  customer: 2,
  subject: 1,
  requester: 1,
  editor: 1,
};
