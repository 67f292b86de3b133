// Which insertion strategy an editor needs, told apart by the marks each library puts on its
// editable element.
import { isField } from './verify';

export type EditorKind =
  | 'textarea'
  | 'ckeditor5'
  | 'prosemirror'
  | 'draftjs'
  | 'quill'
  | 'slate'
  | 'lexical'
  | 'contenteditable';

const FRAMEWORKS: [EditorKind, string][] = [
  ['ckeditor5', '.ck-editor__editable'],
  ['prosemirror', '.ProseMirror'],
  ['draftjs', '.public-DraftEditor-content, :has(> [data-contents])'],
  ['quill', '.ql-editor'],
  ['slate', '[data-slate-editor]'],
  ['lexical', '[data-lexical-editor]'],
];

export function editorKind(editor: HTMLElement): EditorKind {
  if (isField(editor)) return 'textarea';
  for (const [kind, selector] of FRAMEWORKS) if (editor.matches(selector)) return kind;
  // Summernote, Redactor, Froala, the CKEditor 4 iframe body, Gmail: the browser's own editing.
  return 'contenteditable';
}

/**
 * The element to insert into: an iframe stands for its editable body (CKEditor 4), a node inside an
 * editor for the editor's root, a wrapper for the one editor inside it.
 */
export function resolveEditor(target: Element): HTMLElement | null {
  if (target.tagName === 'IFRAME') {
    const body = (target as HTMLIFrameElement).contentDocument?.body;
    return body ? resolveEditor(body) : null;
  }
  if (isField(target)) return target;
  let el = target as HTMLElement;
  if (!el.isContentEditable) {
    const inner = el.querySelector<HTMLElement>('textarea, [contenteditable]:not([contenteditable="false"])');
    // A contenteditable="false" element is an editor switched to read-only: found, then refused.
    return inner ? resolveEditor(inner) : el.matches('[contenteditable]') ? el : null;
  }
  while (el.parentElement?.isContentEditable) el = el.parentElement;
  return el;
}

export function isWritable(editor: HTMLElement): boolean {
  return isField(editor) ? !editor.disabled && !editor.readOnly : editor.isContentEditable;
}
