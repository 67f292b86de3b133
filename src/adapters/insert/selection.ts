// Saving and restoring the agent's caret (clicking the side panel takes focus from the page). The
// caret is kept twice: as a live Range, exact even in an empty paragraph, and as character offsets
// into the editor's text, which survive editors that re-render their DOM nodes.
import { isField } from './verify';

export interface SavedSelection {
  editor: HTMLElement;
  /** Character offsets into the editor's text (a field's value, or a contenteditable's textContent). */
  start: number;
  end: number;
  /** The selection itself (contenteditable only); used while it still agrees with the offsets. */
  range?: Range;
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
    range: range.cloneRange(),
  };
}

/** The saved Range if it still lies in the editor at the saved offsets (its nodes were not re-rendered). */
function liveRange(editor: HTMLElement, saved: SavedSelection): Range | undefined {
  const range = saved.range;
  if (!range || !editor.contains(range.startContainer) || !editor.contains(range.endContainer)) return undefined;
  const start = offsetOf(editor, range.startContainer, range.startOffset);
  const end = offsetOf(editor, range.endContainer, range.endOffset);
  return start === saved.start && end === saved.end ? range.cloneRange() : undefined;
}

/** Whether the editor shows only text it marks as its placeholder (`data-placeholder` or `placeholder`). */
export function showsPlaceholder(editor: HTMLElement): boolean {
  const text = editor.textContent?.trim();
  return !!text && text === (editor.getAttribute('data-placeholder') ?? editor.getAttribute('placeholder'))?.trim();
}

/**
 * Where the caret goes: over a placeholder that is real text (so the insertion replaces it), else at
 * the saved place, else at the end.
 */
function caretRange(editor: HTMLElement, saved?: SavedSelection): Range {
  const range = editor.ownerDocument.createRange();
  if (showsPlaceholder(editor)) {
    range.selectNodeContents(editor);
  } else if (!saved) {
    range.setStart(...endPoint(editor));
  } else {
    const live = liveRange(editor, saved);
    if (live) return live;
    range.setStart(...pointAt(editor, saved.start));
    range.setEnd(...pointAt(editor, Math.max(saved.start, saved.end)));
  }
  return range;
}

/** Puts the document selection where the insertion should go (see caretRange). */
export function placeCaret(editor: HTMLElement, saved?: SavedSelection): void {
  const selection = editor.ownerDocument.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  selection.addRange(caretRange(editor, saved));
}
