// FreeScout (facts: /work/shared/design/helpdesks.md). Counts are for tests/fixtures/helpdesks/freescout.html.
// Author, time and requester selectors are not in the gathered facts: check them on a real install.
import type { ExpectedCounts, HelpdeskDefinition } from '../types';
import { SELF_HOSTED_MATCHES } from './self-hosted';

export const definition: HelpdeskDefinition = {
  id: 'freescout',
  name: 'FreeScout',
  matches: SELF_HOSTED_MATCHES,
  probe: '#conv-layout-main',
  ticketUrl: '/conversation/(\\d+)(?:[/?#]|$)',
  order: 'newest-first',
  selectors: {
    root: '#conv-layout-main',
    message: '.thread[data-thread_id]',
    body: '.thread-body .thread-content',
    exclude: '.thread-signature',
    author: '.thread-info .thread-person',
    time: '.thread-info .thread-date',
    internal: '.thread-type-note',
    agent: '.thread-type-message',
    customer: '.thread-type-customer',
    subject: '#conv-subject .conv-subjtext',
    requester: '.conv-customer-block .customer-name',
    // Summernote; hidden until "Reply" is clicked but present, so inserting can open it first.
    editor: '.conv-reply-block .note-editor .note-editable[contenteditable]',
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
