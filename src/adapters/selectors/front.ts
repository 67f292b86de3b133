// Front. Only "a contenteditable composer with div paragraphs" is in the gathered facts
// (/work/shared/design/helpdesks.md); every other selector is an unverified placeholder written for our
// fixture (Front's classes are generated; its Plugin SDK is the durable route). Counts are for
// tests/fixtures/helpdesks/front.html.
import type { ExpectedCounts, HelpdeskDefinition } from '../types';

const MESSAGE = '[data-testid="message"], [data-testid="comment"]';

export const definition: HelpdeskDefinition = {
  id: 'front',
  name: 'Front',
  matches: ['https://app.frontapp.com/*'],
  ticketUrl: '/(cnv_[0-9a-z]+)',
  order: 'oldest-first',
  selectors: {
    root: '[data-testid="conversation-timeline"]',
    message: MESSAGE,
    body: '[data-testid="message-body"]',
    author: '[data-testid="message-author"]',
    time: 'time',
    // Front's internal discussion is comments beside the messages.
    internal: '[data-testid="comment"]',
    agent: '[data-testid="message"][data-direction="outbound"]',
    customer: '[data-testid="message"][data-direction="inbound"]',
    subject: '[data-testid="conversation-subject"]',
    editor: '[data-testid="composer"] [contenteditable="true"]',
  },
};

export const expected: ExpectedCounts = {
  root: 1,
  message: 5,
  body: 5,
  author: 5,
  time: 5,
  internal: 1,
  agent: 2,
  customer: 2,
  subject: 1,
  editor: 1,
};
