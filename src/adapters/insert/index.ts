// Inserts a suggestion into a helpdesk's reply editor: one method per kind of editor, chosen by
// detection, then verified. Never sends: the agent reviews and sends the reply.
import type { InsertOutcome } from '../../shared/conversation';
import { insertIntoContentEditable } from './contenteditable';
import { editorKind, isWritable, resolveEditor, type EditorKind } from './detect';
import { insertIntoField } from './field';
import { paragraphs } from './format';
import { placeCaret, type SavedSelection } from './selection';
import { beforeInputPaste, pasteInto } from './synthetic';
import { eventually, isField, occurrences, sleep } from './verify';

export interface InsertOptions {
  /** Where the caret was before focus left the page (see trackLastEditor); else text goes at the end. */
  selection?: SavedSelection;
}

const INSERT: Record<Exclude<EditorKind, 'textarea'>, (editor: HTMLElement, paras: string[]) => void> = {
  contenteditable: insertIntoContentEditable,
  ckeditor5: pasteInto,
  prosemirror: pasteInto,
  draftjs: pasteInto,
  quill: pasteInto,
  slate: beforeInputPaste,
  // Lexical also handles beforeinput insertFromPaste, but (0.52) drops the InputEvent's dataTransfer.
  lexical: pasteInto,
};

/** Resolves once the editor has seen the new selection (its selectionchange listeners ran), or after 50 ms. */
function selectionSeen(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    doc.addEventListener('selectionchange', done, { once: true });
    setTimeout(resolve, 50);
  });
}

/**
 * Inserts `text` (paragraphs separated by blank lines) at the saved caret or at the end of the
 * editor. Async: editors built on React, Slate and Lexical render after the event, so the check
 * that the text arrived (exactly one method is tried, never a second) waits for them.
 */
export async function insertText(target: Element | null | undefined, text: string, options: InsertOptions = {}): Promise<InsertOutcome> {
  const editor = target?.isConnected ? resolveEditor(target) : null;
  if (!editor) return { ok: false, reason: 'no-editor' };
  if (!isWritable(editor)) return { ok: false, reason: 'rejected', detail: 'the editor is read-only' };
  const paras = paragraphs(text);
  if (paras.length === 0) return { ok: false, reason: 'rejected', detail: 'nothing to insert' };

  const kind = editorKind(editor);
  const saved = options.selection?.editor === editor ? options.selection : undefined;
  const plain = paras.join('\n');
  const before = occurrences(editor, plain);
  try {
    if (isField(editor)) {
      insertIntoField(editor, paras, saved);
    } else if (kind !== 'textarea') {
      // Focus first and let the editor settle: ProseMirror, Draft.js and CKEditor 4 restore their own
      // selection (and RT's CKEditor removes its placeholder text) when focused.
      editor.ownerDocument.defaultView?.focus();
      editor.focus();
      await sleep(30);
      const seen = selectionSeen(editor.ownerDocument);
      placeCaret(editor, saved);
      await seen;
      INSERT[kind](editor, paras);
    }
  } catch (error) {
    return { ok: false, reason: 'rejected', detail: `${kind}: ${String(error)}` };
  }
  const verified = await eventually(() => occurrences(editor, plain) > before);
  return verified ? { ok: true, editor: kind } : { ok: false, reason: 'not-verified', detail: kind };
}

export { editorKind, type EditorKind } from './detect';
export { saveSelection, type SavedSelection } from './selection';
export { trackLastEditor, type EditorTracker } from './tracker';
