// Inserts a suggestion into a helpdesk's reply editor: one method per kind of editor, chosen by
// detection, then verified. Never sends: the agent reviews and sends the reply.
import type { InsertOutcome } from '../../shared/conversation';
import { breakBeforeAppend } from './append';
import { insertIntoContentEditable } from './contenteditable';
import { editorKind, isWritable, resolveEditor, type EditorKind } from './detect';
import { insertIntoField } from './field';
import { paragraphs } from './format';
import { placeCaret, saveSelection, showsPlaceholder, type SavedSelection } from './selection';
import { beforeInputPaste, pasteInto } from './synthetic';
import { eventually, occurrences, sleep } from './verify';

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
 * Places the caret and waits until the editor has taken it; places it again (up to three times) if
 * the editor moved it back meanwhile, as a busy machine can delay an editor's focus handling.
 */
async function placeCaretAndWait(editor: HTMLElement, saved: SavedSelection | undefined): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const seen = selectionSeen(editor.ownerDocument);
    placeCaret(editor, saved);
    const placed = saveSelection(editor);
    await seen;
    await sleep(20);
    const now = saveSelection(editor);
    if (now && placed && now.start === placed.start && now.end === placed.end) return;
  }
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
    if (kind === 'textarea') {
      insertIntoField(editor as HTMLTextAreaElement, paras, saved);
    } else {
      // Focus first and let the editor settle: on focus ProseMirror (after 20 ms), CKEditor 5 (after
      // 50 ms) and Draft.js put back their own selection, and RT's CKEditor 4 removes its placeholder.
      editor.ownerDocument.defaultView?.focus();
      editor.focus();
      await sleep(80);
      await placeCaretAndWait(editor, saved);
      const append = !saved && !showsPlaceholder(editor) && !!editor.textContent?.trim();
      INSERT[kind](editor, append ? breakBeforeAppend(editor, kind, paras) : paras);
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
