// Editors that keep their own document model (CKEditor 5, ProseMirror, Draft.js, Quill, Lexical,
// Slate) ignore DOM changed behind their back; they do import what the user pastes. So the text
// is handed to them as a paste, through the same events a real paste fires. Expects the caret
// already placed and seen by the editor.
import { toHtml } from './format';

function clipboard(win: Window & typeof globalThis, plain: string, paras: string[]): DataTransfer {
  const data = new win.DataTransfer();
  data.setData('text/plain', plain);
  data.setData('text/html', toHtml(paras));
  return data;
}

/** CKEditor 5, ProseMirror, Draft.js, Quill, Lexical: a `paste` ClipboardEvent. */
export function pasteInto(editor: HTMLElement, paras: string[]): void {
  const win = editor.ownerDocument.defaultView ?? window;
  const clipboardData = clipboard(win, paras.join('\n\n'), paras);
  editor.dispatchEvent(new win.ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
}

/**
 * Slate: a `beforeinput` of type insertFromPaste, the path its input handling is built on (in
 * Chromium it leaves a `paste` event with HTML to the browser and acts on the beforeinput that
 * follows). Slate makes a block of every line of text/plain, so lines are joined by one newline;
 * it takes the target from `getTargetRanges()`, so the current selection is passed along.
 */
export function beforeInputPaste(editor: HTMLElement, paras: string[]): void {
  const doc = editor.ownerDocument;
  const win = doc.defaultView ?? window;
  const selection = doc.getSelection();
  const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
  const targetRanges = range ? [new win.StaticRange(range)] : [];
  const dataTransfer = clipboard(win, paras.join('\n'), paras);
  editor.dispatchEvent(
    new win.InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer, targetRanges, bubbles: true, cancelable: true }),
  );
}
