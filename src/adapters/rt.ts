/**
 * Request Tracker 5. No class tells customer from agent, so roles compare each transaction's author
 * with the ticket's requestors; "Comments added" marks internal comments. The reply editor lives on
 * Update.html (CKEditor 4 iframe, or a plain textarea by user preference).
 */
import { queryAll } from './dom';
import { createAdapter } from './read';
import { AUTHOR_ID, DESCRIPTION, REQUESTOR_IDS, definition } from './selectors/rt';

// RT's English wording; other locales fall back to the requestor comparison (reply, not comment).
const COMMENT = /\bcomments? added\b/i;

export const rt = createAdapter(definition, {
  roleReader(doc, find) {
    const requestors = new Set(queryAll(doc, REQUESTOR_IDS).map((user) => user.getAttribute('data-user-id')));
    return (message) => {
      if (COMMENT.test(find(message, DESCRIPTION)?.textContent ?? '')) return 'internal';
      const authorId = find(message, AUTHOR_ID)?.getAttribute('data-user-id');
      if (!authorId) return undefined;
      return requestors.has(authorId) ? 'customer' : 'agent';
    };
  },
  // '#7: Subject' on Display.html, 'Update ticket #7: Subject' on Update.html.
  cleanSubject: (subject) => subject.replace(/^(?:[^#:]{0,40}\s)?#\d+:\s*/, ''),
  editorExpected: (url) => /\/Ticket\/Update\.html$/.test(url.pathname),
});
