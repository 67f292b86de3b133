/**
 * The author's current words from a message body, as plain text with paragraphs.
 * Walks nodes and reads `nodeValue` only: no innerText and no computed styles, because this runs
 * after every batch of mutations on threads of thousands of messages and must not force layout.
 */
import { isValidSelector } from './dom';

/**
 * Not the author's current words on any helpdesk: quoted history and mail clients' signature
 * blocks, dropped on top of a helpdesk's own `exclude`.
 */
export const QUOTED_HISTORY =
  'blockquote, .gmail_quote, .gmail_extra, .gmail_signature, .moz-cite-prefix, .moz-signature, .yahoo_quoted, [data-quoted-history]';

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'SVG', 'BUTTON', 'SELECT']);

/** Blocks that start a new paragraph (a blank line before and after). */
const PARAGRAPH_TAGS = new Set([
  'ADDRESS', 'BLOCKQUOTE', 'DETAILS', 'DL', 'FIELDSET', 'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR',
  'OL', 'P', 'PRE', 'TABLE', 'UL',
]);

/** Blocks that only start a new line: mail editors write one <div> per line, <div><br></div> for a blank one. */
const LINE_TAGS = new Set([
  'ARTICLE', 'ASIDE', 'DD', 'DIV', 'DT', 'FIGCAPTION', 'FOOTER', 'FORM', 'HEADER', 'LI', 'MAIN', 'NAV',
  'SECTION', 'SUMMARY', 'TD', 'TH', 'TR',
]);

/** A line that introduces quoted history in plain-text mail; everything after it is old text. */
const ATTRIBUTION = /^(?:on\s.{4,200}\swrote|le\s.{4,200}\sa écrit|am\s.{4,200}\sschrieb|el\s.{4,200}\sescribió)\s*:?$/i;
const HISTORY_MARKERS = /^(?:-{2,}\s*original message\s*-{2,}|_{10,}|from:\s.+\bsent:\s.+)$/i;
/** Outlook puts its reply header on separate lines: "From: ..." then "Sent: ...". */
const OUTLOOK_FROM = /^from:\s.+/i;
const OUTLOOK_SENT = /^(?:sent|date):\s.+/i;
/** RFC 3676 signature separator ("-- "), after whitespace collapsing just "--". */
const SIGNATURE_SEPARATOR = /^--$/;

/**
 * Collects text into lines. A <br> always ends a line (two make a blank line); a block ends the
 * line only if it has text, so nested wrappers add no empty lines; a paragraph block also leaves
 * one blank line. Whitespace runs collapse to single spaces, as the browser renders them.
 */
class LineBuilder {
  private readonly lines: string[] = [];
  private current = '';

  text(value: string): void {
    this.current += value;
  }

  /** <br>, or a newline inside preformatted text. */
  hardBreak(): void {
    this.push();
  }

  lineBreak(): void {
    if (this.current.trim() !== '') this.push();
    else this.current = '';
  }

  paragraphBreak(): void {
    this.lineBreak();
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  done(): string[] {
    this.lineBreak();
    return this.lines;
  }

  // Collapsing once per line, not per text node: most text nodes are whitespace between tags.
  private push(): void {
    const line = this.current;
    this.current = '';
    this.lines.push(line === '' ? '' : line.replace(/\s+/g, ' ').trim());
  }
}

/** Inline `white-space: pre*` (plain-text mail shown as is); computed styles would force a style recalc. */
function keepsNewlines(element: Element, tag: string): boolean {
  if (tag === 'PRE') return true;
  const style = element.getAttribute('style');
  return style !== null && /white-space\s*:\s*pre/i.test(style);
}

function preformattedText(value: string, out: LineBuilder): void {
  const lines = value.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) out.hardBreak();
    out.text(line);
  });
}

function walk(node: Node, skip: string, out: LineBuilder, pre: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      if (pre) preformattedText(child.nodeValue ?? '', out);
      else out.text(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || element.hasAttribute('hidden') || element.matches(skip)) continue;
    if (tag === 'BR') {
      out.hardBreak();
      continue;
    }
    const paragraph = PARAGRAPH_TAGS.has(tag);
    const line = !paragraph && LINE_TAGS.has(tag);
    if (paragraph) out.paragraphBreak();
    else if (line) out.lineBreak();
    walk(element, skip, out, pre || keepsNewlines(element, tag));
    if (paragraph) out.paragraphBreak();
    else if (line) out.lineBreak();
  }
}

/**
 * Cuts plain-text history ("On ... wrote:", "-----Original Message-----", Outlook's "From:/Sent:"
 * header) and a "-- " signature, and drops "> " quoted lines.
 */
function dropPlainHistory(lines: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (ATTRIBUTION.test(line) || HISTORY_MARKERS.test(line) || SIGNATURE_SEPARATOR.test(line)) break;
    if (OUTLOOK_FROM.test(line) && OUTLOOK_SENT.test(lines[i + 1] ?? '')) break;
    if (line.startsWith('>')) continue;
    kept.push(line);
  }
  return kept;
}

/** Joins lines, keeping at most one blank line between paragraphs and none at the ends. */
function joinParagraphs(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

interface CachedText {
  skip: string;
  signature: string;
  text: string;
}

// read() runs after every batch of mutations, and on a long thread almost every body is unchanged
// since the last read. A body's text length and element count change with any realistic edit (a
// lazily loaded body, an expanded quote), and both are cheap native reads: no walk, no layout.
const cache = new WeakMap<Element, CachedText>();

function signatureOf(body: Element): string {
  return `${body.textContent?.length ?? 0}:${body.getElementsByTagName('*').length}`;
}

/** Plain text of `body` without `exclude`d elements, quoted history or a delimited signature. */
export function extractText(body: Element, exclude?: string): string {
  // A team lead's broken `exclude` must not throw on every read; selfTest reports it instead.
  const skip = exclude && isValidSelector(body.ownerDocument, exclude) ? `${QUOTED_HISTORY}, ${exclude}` : QUOTED_HISTORY;
  const signature = signatureOf(body);
  const cached = cache.get(body);
  if (cached && cached.skip === skip && cached.signature === signature) return cached.text;
  const out = new LineBuilder();
  walk(body, skip, out, false);
  const text = joinParagraphs(dropPlainHistory(out.done()));
  cache.set(body, { skip, signature, text });
  return text;
}

/** One line of collapsed text (names, subjects, times). */
export function inlineText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
