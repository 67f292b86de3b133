// Plain contenteditable (Summernote, Redactor, Froala, the CKEditor 4 iframe body, Gmail): the
// browser's own editing command, which keeps the page's undo stack and fires the input events
// these editors listen to. Expects the caret already placed.
import { toHtml } from './format';

/** The same paragraphs built as nodes: no HTML string, so pages enforcing Trusted Types accept it. */
function paragraphNodes(doc: Document, paras: string[]): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const para of paras) {
    const p = fragment.appendChild(doc.createElement('p'));
    para.split('\n').forEach((line, i) => {
      if (i > 0) p.appendChild(doc.createElement('br'));
      p.appendChild(doc.createTextNode(line));
    });
  }
  return fragment;
}

export function insertIntoContentEditable(editor: HTMLElement, paras: string[]): void {
  const doc = editor.ownerDocument;
  const before = editor.innerHTML;
  try {
    if (doc.execCommand('insertHTML', false, toHtml(paras))) return;
  } catch {
    // A page enforcing Trusted Types refuses the HTML string (and logs a CSP violation) unless the
    // world we run in has its own CSP: nothing was inserted, so the node-built insert below runs.
  }
  // Only when the command left the editor untouched, so the text can never arrive twice.
  if (editor.innerHTML !== before) return;
  const selection = doc.getSelection();
  const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
  if (!selection || !range || !editor.contains(range.commonAncestorContainer)) return;
  // An empty block at the caret (a fresh `<p><br></p>`) is replaced, not filled with nested paragraphs.
  const block = range.startContainer.nodeType === Node.ELEMENT_NODE ? (range.startContainer as Element) : range.startContainer.parentElement;
  if (block && block !== editor && /^(P|DIV)$/.test(block.tagName) && !block.textContent?.trim()) range.selectNode(block);
  const fragment = paragraphNodes(doc, paras);
  const last = fragment.lastChild!;
  range.deleteContents();
  range.insertNode(fragment);
  range.setStartAfter(last);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
  const win = doc.defaultView ?? window;
  editor.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}
