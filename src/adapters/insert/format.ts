// Turns a plain-text suggestion into the shapes editors accept. Paragraphs are separated by blank
// lines; a single newline is a line break inside a paragraph.

/** Non-empty paragraphs, line endings normalised, surrounding newlines dropped. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * One `<p>` per paragraph (the markup that stayed clean in every real helpdesk); text is escaped.
 * An empty paragraph (the break before text appended to a draft) holds a <br>, as editors write it.
 */
export function toHtml(paras: string[]): string {
  return paras.map((p) => `<p>${p.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c).replace(/\n/g, '<br>') || '<br>'}</p>`).join('');
}
