// Remembers the last reply editor the agent focused and where its caret was: by the time the agent
// clicks Insert in the side panel, the page has lost focus (and may have moved it elsewhere).
import { saveSelection, type SavedSelection } from './selection';

export interface EditorTracker {
  /** The last focused editor and its caret, or null if none was focused yet. */
  last(): { editor: HTMLElement; selection?: SavedSelection } | null;
  /** Also follow another document, e.g. the iframe of a CKEditor 4 editor (its events stay inside it). */
  watch(doc: Document): void;
  stop(): void;
}

export function trackLastEditor(doc: Document, isEditor: (el: Element) => boolean): EditorTracker {
  const controller = new AbortController();
  let last: { editor: HTMLElement; selection?: SavedSelection } | null = null;

  const editorOf = (node: Node | null): HTMLElement | null => {
    let el = node && node.nodeType === Node.ELEMENT_NODE ? (node as Element) : (node?.parentElement ?? null);
    for (; el; el = el.parentElement) if (isEditor(el)) return el as HTMLElement;
    return null;
  };
  const remember = (node: Node | null): void => {
    const editor = editorOf(node);
    if (!editor) return;
    const selection = saveSelection(editor);
    // Keep the caret saved before a blur when the selection has already left the editor.
    last = { editor, selection: selection ?? (last?.editor === editor ? last.selection : undefined) };
  };

  const watch = (d: Document): void => {
    const options = { capture: true, signal: controller.signal };
    // focusout: the caret is still in place while focus leaves; selectionchange: clicks and typing.
    for (const type of ['focusin', 'focusout', 'input', 'keyup', 'mouseup']) {
      d.addEventListener(type, (e) => remember(e.target as Node), options);
    }
    d.addEventListener('selectionchange', () => remember(d.activeElement), options);
  };
  watch(doc);

  return { last: () => last, watch, stop: () => controller.abort() };
}
