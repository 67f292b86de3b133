/**
 * The fallback for pages no built-in adapter knows. The agent's own text selection wins (it is the
 * most reliable signal of "this is what the customer wrote"); otherwise the first ARIA conversation
 * region found. The editor is the focused field, else the first visible one.
 */
import type { ConversationSnapshot } from '../shared/conversation';
import { outermost, queryAll } from './dom';
import { shortHash } from './keys';
import { createAdapter } from './read';
import { REGIONS, definition } from './selectors/generic';
import { extractText } from './text';

const EDITABLE = definition.selectors.editor ?? 'textarea';

function isEditable(element: Element | null): element is HTMLElement {
  return element instanceof HTMLElement && (element.tagName === 'TEXTAREA' || element.isContentEditable);
}

/** The selected text as one customer message, unless the selection is inside an editor (the agent's draft). */
function selectionSnapshot(doc: Document, url: URL): ConversationSnapshot | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const anchor = selection.anchorNode;
  const anchorElement = anchor instanceof Element ? anchor : (anchor?.parentElement ?? null);
  if (isEditable(doc.activeElement) || anchorElement?.closest(EDITABLE)) return null;
  // The selected nodes through the same walker as messages: Selection.toString() would force a
  // layout on every read while the agent keeps text selected.
  const holder = doc.createElement('div');
  for (let i = 0; i < selection.rangeCount; i += 1) holder.append(selection.getRangeAt(i).cloneContents());
  const text = extractText(holder);
  if (!text) return null;
  return {
    helpdesk: definition.id,
    ticketKey: `${definition.id}:${url.host}${url.pathname}`,
    messages: [{ key: `sel-${shortHash(text)}`, role: 'customer', text }],
  };
}

export const generic = createAdapter(definition, {
  detect: () => true,
  preferredRead: selectionSnapshot,
  roots(doc) {
    for (const region of REGIONS) {
      const found = outermost(queryAll(doc, region));
      if (found.length > 0) return found;
    }
    return [];
  },
  ticketId: (_doc, url) => `${url.host}${url.pathname}`,
  editor(doc) {
    if (isEditable(doc.activeElement)) return doc.activeElement;
    // Layout read, but only here (on insert and self-test), never on the read path.
    const visible = queryAll(doc, EDITABLE).find((element) => element.getClientRects().length > 0);
    return (visible as HTMLElement | undefined) ?? null;
  },
});
