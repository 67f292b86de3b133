// Saving and restoring the agent's caret. Clicking the side panel takes focus from the page, so
// the caret is remembered as character offsets into the editor's text: offsets survive editors
// that re-render their DOM nodes, where a saved Range would point at detached nodes.
import { isField } from './verify';

export interface SavedSelection {
  editor: HTMLElement;
  /** Character offsets into the editor's text (a field's value, or a contenteditable's textContent). */
  start: number;
  end: number;
}

/** Characters of `root`'s text before the point (node, offset). */
function offsetOf(root: Node, node: Node, offset: number): number {
  const range = root.ownerDocument!.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The last place in `root` where typing would go: the end of its last text, before a trailing <br>. */
function endPoint(root: Node): [Node, number] {
  let node = root;
  while (node.lastChild && node.lastChild.nodeName !== 'BR') node = node.lastChild;
  if (node.nodeType === Node.TEXT_NODE) return [node, node.nodeValue!.length];
  return [node, Math.max(0, node.childNodes.length - 1)];
}

/** The point `offset` characters into `root`'s text, or its end point if the text is shorter. */
function pointAt(root: Node, offset: number): [Node, number] {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue!.length;
    if (offset <= length) return [node, offset];
    offset -= length;
  }
  return endPoint(root);
}

/** The current selection if it lies in `editor`. */
export function saveSelection(editor: HTMLElement): SavedSelection | undefined {
  if (isField(editor)) {
    const end = editor.value.length;
    return { editor, start: editor.selectionStart ?? end, end: editor.selectionEnd ?? end };
  }
  const selection = editor.ownerDocument.getSelection();
  const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
  if (!range || !editor.contains(range.startContainer) || !editor.contains(range.endContainer)) return undefined;
  return {
    editor,
    start: offsetOf(editor, range.startContainer, range.startOffset),
    end: offsetOf(editor, range.endContainer, range.endOffset),
  };
}

/**
 * Puts the document selection at the saved place, or at the end of the editor. Text the editor
 * marks as its placeholder (`data-placeholder`/`placeholder` equal to its whole text) is selected,
 * so the insertion replaces it.
 */
export function placeCaret(editor: HTMLElement, saved?: SavedSelection): void {
  const doc = editor.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  const text = editor.textContent?.trim();
  const placeholder = (editor.getAttribute('data-placeholder') ?? editor.getAttribute('placeholder'))?.trim();
  if (text && text === placeholder) {
    range.selectNodeContents(editor);
  } else if (saved) {
    range.setStart(...pointAt(editor, saved.start));
    range.setEnd(...pointAt(editor, Math.max(saved.start, saved.end)));
  } else {
    range.setStart(...endPoint(editor));
  }
  selection.removeAllRanges();
  selection.addRange(range);
}
