// osTicket staff panel (facts: /work/shared/design/helpdesks.md). Counts are for tests/fixtures/helpdesks/osticket.html.
// Time, requester and signature selectors are not in the gathered facts: check them on a real install.
import type { ExpectedCounts, HelpdeskDefinition } from '../types';
import { SELF_HOSTED_MATCHES } from './self-hosted';

export const definition: HelpdeskDefinition = {
  id: 'osticket',
  name: 'osTicket',
  matches: SELF_HOSTED_MATCHES,
  // pjax swaps this container's content between tickets without a page load: observe it, not the thread.
  probe: '#pjax-container',
  ticketUrl: '/scp/tickets\\.php\\?(?:[^#]*&)?id=(\\d+)',
  order: 'oldest-first',
  selectors: {
    root: '#pjax-container',
    message: '#thread-items .thread-entry',
    body: '.thread-body',
    exclude: '.signature',
    author: '.header > b',
    time: '.header time',
    internal: '.note',
    agent: '.response',
    customer: '.message',
    subject: '.tixTitle h3',
    requester: '#ticket-user .user-name',
    editor: 'form#reply div.redactor-in[contenteditable]',
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
