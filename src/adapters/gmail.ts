/**
 * Gmail as a helpdesk (shared support inboxes). The open thread's id is the last part of the URL
 * hash (`#inbox/FMfcg...`), and a message is the agent's when its sender is the signed-in account,
 * whose address Gmail puts in the tab title. Gmail has no internal notes.
 */
import { createAdapter } from './read';
import { SENDER_EMAIL_ATTRIBUTE, definition } from './selectors/gmail';

const EMAIL = /[^\s<>()"']+@[^\s<>()"']+\.[a-z]{2,}/gi;
// Views whose hash names a list, not a thread (`#inbox`, `#label/Support`, `#search/refund`).
const THREAD_ID = /^[A-Za-z0-9_-]{16,}$/;

export const gmail = createAdapter(definition, {
  ticketId(_doc, url) {
    const last = url.hash.replace(/^#/, '').split('/').pop() ?? '';
    return THREAD_ID.test(last) ? last : null;
  },
  roleReader(doc, find) {
    const account = new Set((doc.title.match(EMAIL) ?? []).map((email) => email.toLowerCase()));
    return (message) => {
      const sender = find(message, definition.selectors.author)?.getAttribute(SENDER_EMAIL_ATTRIBUTE)?.toLowerCase();
      if (!sender || account.size === 0) return undefined;
      return account.has(sender) ? 'agent' : 'customer';
    };
  },
});
