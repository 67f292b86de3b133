// Checks that an insertion took effect, so a failed one is reported (the panel then offers the
// clipboard) instead of being retried with a second method that could duplicate the text.

/**
 * Editors turn newlines into blocks and spaces into NBSP, and some add zero-width characters, so
 * text is compared with every kind of whitespace removed.
 */
const squash = (s: string): string => s.replace(/[\s\u200b\ufeff]+/g, '');

export function isField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

export function editorText(editor: HTMLElement): string {
  return isField(editor) ? editor.value : (editor.textContent ?? '');
}

/** How many times `needle` occurs in the editor's text (whitespace ignored). */
export function occurrences(editor: HTMLElement, needle: string): number {
  const hay = squash(editorText(editor));
  const n = squash(needle);
  let count = 0;
  for (let i = hay.indexOf(n); n && i >= 0; i = hay.indexOf(n, i + n.length)) count++;
  return count;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` for up to `ms`: React, Slate and Lexical render their model after the event returns. */
export async function eventually(check: () => boolean, ms = 400): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (let delay = 0; ; delay = Math.min(50, delay * 2 + 5)) {
    if (check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(delay);
  }
}

export { sleep };
