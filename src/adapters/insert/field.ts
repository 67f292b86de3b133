// textarea / input: the browser's own text replacement, then the events frameworks listen to
// (React and Vue keep field values in sync through `input`).
import type { SavedSelection } from './selection';

export function insertIntoField(field: HTMLTextAreaElement | HTMLInputElement, paras: string[], saved?: SavedSelection): void {
  // A one-line input drops newlines: join its paragraphs with spaces instead.
  const text = field.tagName === 'INPUT' ? paras.join(' ').replace(/\n/g, ' ') : paras.join('\n\n');
  const length = field.value.length;
  const start = Math.min(saved?.start ?? length, length);
  const end = Math.min(Math.max(saved?.end ?? start, start), length);
  field.focus();
  field.setRangeText(text, start, end, 'end');
  const win = field.ownerDocument.defaultView ?? window;
  field.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
  field.dispatchEvent(new win.Event('change', { bubbles: true }));
}
