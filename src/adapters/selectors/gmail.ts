// Gmail (thread, subject and compose body from /work/shared/design/helpdesks.md; the body, sender
// and date classes are the ones public Gmail extensions use, not verifiable here). The compose
// label is localised, hence the class alternative. Counts are for tests/fixtures/helpdesks/gmail.html.
import type { ExpectedCounts, HelpdeskDefinition } from '../types';

export const definition: HelpdeskDefinition = {
  id: 'gmail',
  name: 'Gmail',
  matches: ['https://mail.google.com/*'],
  order: 'oldest-first',
  selectors: {
    root: '[role="main"]',
    message: '.adn.ads',
    body: '.a3s',
    author: '.gD',
    time: '.g3',
    subject: '.ha h2',
    editor: 'div[aria-label="Message Body"][contenteditable="true"], div.Am.Al.editable[contenteditable="true"]',
  },
};

/** The sender element carries the address; the signed-in account's address is in the tab title. */
export const SENDER_EMAIL_ATTRIBUTE = 'email';

export const expected: ExpectedCounts = {
  root: 1,
  message: 4,
  body: 4,
  author: 4,
  time: 4,
  subject: 1,
  editor: 1,
};
