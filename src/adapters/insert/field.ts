// textarea / input: the browser's own text replacement, then the events frameworks listen to
// (React and Vue keep field values in sync through `input`).
import type { SavedSelection } from './selection';

export function insertIntoField(field: HTMLTextAreaElement | HTMLInputElement, paras: string[], saved?: SavedSelection): void {
  // A one-line input drops newlines: join its paragraphs with spaces instead.
  let text = field.tagName === 'INPUT' ? paras.join(' ').replace(/\n/g, ' ') : paras.join('\n\n');
  const length = field.value.length;
  // Appended to a draft: its own paragraph, a blank line after the draft's text.
  if (!saved && field.tagName !== 'INPUT' && field.value.trim()) {
    text = '\n'.repeat(Math.max(0, 2 - /\n*$/.exec(field.value)![0].length)) + text;
  }
  const start = Math.min(saved?.start ?? length, length);
  const end = Math.min(Math.max(saved?.end ?? start, start), length);
  field.focus();
  field.setRangeText(text, start, end, 'end');
  const win = field.ownerDocument.defaultView ?? window;
  field.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
  field.dispatchEvent(new win.Event('change', { bubbles: true }));
}
