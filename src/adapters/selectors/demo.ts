// The demo helpdesk that `npm start` serves (src/demo). Counts are for ticket 1041 of the demo.
import type { ExpectedCounts, HelpdeskDefinition } from '../types';
import { SELF_HOSTED_MATCHES } from './self-hosted';

export const definition: HelpdeskDefinition = {
  id: 'demo',
  name: 'Tactful demo helpdesk',
  matches: SELF_HOSTED_MATCHES,
  probe: '#ticket',
  ticketUrl: '/demo/tickets/(\\d+)',
  order: 'oldest-first',
  selectors: {
    root: '#ticket',
    message: '#thread > .msg',
    body: '.msg-body',
    exclude: '.quoted',
    author: '.msg-author',
    time: 'time',
    internal: '.note',
    agent: '.agent',
    customer: '.customer',
    subject: '#subject',
    requester: '#requester',
    editor: '#reply-editor',
  },
};

export const expected: ExpectedCounts = {
  root: 1,
  message: 4,
  body: 4,
  exclude: 1,
  author: 4,
  time: 4,
  internal: 1,
  agent: 1,
  customer: 2,
  subject: 1,
  requester: 1,
  editor: 1,
};
