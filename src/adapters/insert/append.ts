// Text appended to a draft (no caret saved) starts a paragraph of its own instead of running on
// from the draft's last words. Each editor is given the break the way it was seen to take it
// cleanly (tests/e2e/insert.test.ts); the text itself is still inserted by one method afterwards.
import type { EditorKind } from './detect';

/** Makes the paragraph break (or asks for it in the inserted paragraphs); returns the paragraphs to insert. */
export function breakBeforeAppend(editor: HTMLElement, kind: EditorKind, paras: string[]): string[] {
  const doc = editor.ownerDocument;
  switch (kind) {
    case 'contenteditable':
      // insertHTML would keep a leading empty <p> as a blank line; the browser's own Enter does not.
      doc.execCommand('insertParagraph');
      return paras;
    case 'lexical':
      // Lexical keeps a pasted empty paragraph too; it handles the Enter of a beforeinput.
      editor.dispatchEvent(
        new (doc.defaultView ?? window).InputEvent('beforeinput', { inputType: 'insertParagraph', bubbles: true, cancelable: true }),
      );
      return paras;
    case 'draftjs':
      // Draft.js drops a pasted empty paragraph and has no beforeinput path: the text runs on.
      return paras;
    default:
      // ProseMirror, Quill, CKEditor 5, Slate: a leading empty paragraph in the paste is the break.
      return ['', ...paras];
  }
}
