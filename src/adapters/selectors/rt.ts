// Request Tracker 5 (facts: /work/shared/design/helpdesks.md). Counts are for
// tests/fixtures/helpdesks/rt.html after its history has loaded, and rt-update.html for the editor.
import type { ExpectedCounts, HelpdeskDefinition } from '../types';
import { SELF_HOSTED_MATCHES } from './self-hosted';

export const definition: HelpdeskDefinition = {
  id: 'rt',
  name: 'Request Tracker',
  matches: SELF_HOSTED_MATCHES,
  probe: '#header h1',
  ticketUrl: '/Ticket/(?:Display|Update)\\.html\\?(?:[^#]*&)?id=(\\d+)',
  order: 'oldest-first',
  selectors: {
    // The history arrives by AJAX into #delayed_ticket_history: observe it before it has messages.
    root: '#delayed_ticket_history, .history-container',
    message: '.history-container > div.transaction.message[data-transaction-id]',
    body: '.content .messagebody',
    // Quoted parts are nested stanzas; the folder is RT's "Show quoted text" toggle.
    exclude: '.message-stanza .message-stanza, .message-stanza-folder',
    author: '.metadata .description .user[data-user-id] a',
    time: '.metadata .date',
    subject: '#header h1',
    requester: '.form-row.requestors .user[data-user-id] a',
    editor: 'iframe.cke_wysiwyg_frame, textarea#UpdateContent',
  },
};

/** Roles come from comparing authors with this box, not from any class (see rt.ts). */
export const REQUESTOR_IDS = '.form-row.requestors .user[data-user-id]';
export const AUTHOR_ID = '.metadata .description .user[data-user-id]';
export const DESCRIPTION = '.metadata .description';

export const expected: ExpectedCounts = {
  root: 2,
  message: 5,
  body: 5,
  exclude: 2,
  author: 6,
  time: 6,
  subject: 1,
  requester: 1,
  editor: 0,
};

export const expectedOnUpdatePage: ExpectedCounts = { subject: 1, editor: 2 };
