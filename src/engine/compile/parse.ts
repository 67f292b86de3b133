/**
 * YAML parsing that can always point at file:line:column.
 *
 * The fast path reads values with js-yaml (several times faster than a full document model);
 * positions of rules and examples are then found in the text. When anything is wrong (a syntax
 * error, a schema error, a suspicious structure) the file is parsed again with `yaml`, which
 * keeps every node's position, so each error points at the exact place. Aliases are bounded (no
 * "billion laughs"), keys must be unique, nesting depth is bounded.
 */
import { load as loadFast } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { PackError } from './errors';

export const MAX_FILE_CHARS = 512 * 1024;
export const MAX_DEPTH = 24;
/** A parsed file with more values than this is refused (aliases can multiply a small file). */
const MAX_NODES = 200_000;

export interface ParsedFile {
  path: string;
  text: string;
  value: unknown;
  /** The position-keeping document, built on first need. */
  full?: { doc: Document.Parsed; lines: LineCounter };
}

export type Segment = string | number;

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * Walks the value without recursion: its depth, node count, and whether any object appears twice
 * (YAML aliases), stopping early past the limits.
 */
function shape(value: unknown): { depth: number; nodes: number; shared: boolean } {
  let nodes = 0;
  let depth = 0;
  let shared = false;
  const seen = new Set<object>();
  // Two parallel stacks rather than a [value, depth] pair per node: files have tens of thousands.
  const values: unknown[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const v = values.pop();
    const d = depths.pop()!;
    nodes++;
    if (d > depth) depth = d;
    if (depth > MAX_DEPTH || nodes > MAX_NODES) break;
    if (v === null || typeof v !== 'object') continue;
    if (seen.has(v)) {
      shared = true;
      continue;
    }
    seen.add(v);
    for (const item of Array.isArray(v) ? v : Object.values(v)) {
      values.push(item);
      depths.push(d + 1);
    }
  }
  return { depth, nodes, shared };
}

/** The full `yaml` parse of a file: exact positions, exact errors. */
function fullParse(path: string, text: string, errors: PackError[]): { doc: Document.Parsed; lines: LineCounter; value: unknown } | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      errors.push({ file: path, line: pos.line, column: pos.col, severity: 'error', message: `YAML: ${firstLine(e.message)}` });
    }
    return null;
  }
  try {
    return { doc, lines, value: doc.toJS({ maxAliasCount: 50 }) };
  } catch (e) {
    errors.push({ file: path, line: 1, column: 1, severity: 'error', message: `YAML: ${firstLine((e as Error).message)}` });
    return null;
  }
}

export function parseYamlFile(path: string, text: string, errors: PackError[]): ParsedFile | null {
  if (text.length > MAX_FILE_CHARS) {
    errors.push({ file: path, line: 0, column: 0, severity: 'error', message: `file is larger than ${MAX_FILE_CHARS / 1024} KB` });
    return null;
  }
  if (text.includes('\u0000')) {
    errors.push({ file: path, line: 0, column: 0, severity: 'error', message: 'file is not text (it contains NUL bytes)' });
    return null;
  }
  let value: unknown;
  let fastOk = true;
  try {
    value = loadFast(text, { filename: path });
  } catch {
    fastOk = false;
  }
  if (fastOk) {
    const { depth, nodes, shared } = shape(value);
    if (depth > MAX_DEPTH) {
      errors.push({ file: path, line: 1, column: 1, severity: 'error', message: `YAML is nested more than ${MAX_DEPTH} levels deep` });
      return null;
    }
    // Aliases go through the parser that bounds them.
    if (nodes <= MAX_NODES && !shared) return { path, text, value };
  }
  // Something is off: let the position-keeping parser say exactly what and where.
  const full = fullParse(path, text, errors);
  if (!full) return null;
  const { depth } = shape(full.value);
  if (depth > MAX_DEPTH) {
    errors.push({ file: path, line: 1, column: 1, severity: 'error', message: `YAML is nested more than ${MAX_DEPTH} levels deep` });
    return null;
  }
  return { path, text, value: full.value, full: { doc: full.doc, lines: full.lines } };
}

function fullOf(file: ParsedFile): { doc: Document.Parsed; lines: LineCounter } {
  if (!file.full) {
    const lines = new LineCounter();
    file.full = { doc: parseDocument(file.text, { lineCounter: lines, uniqueKeys: false }), lines };
  }
  return file.full;
}

/** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
export function locate(file: ParsedFile, path: readonly Segment[], key = false): { line: number; column: number } {
  const { doc, lines } = fullOf(file);
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      offset = (key && seg === path[path.length - 1] ? keyNode?.range?.[0] : valueNode?.range?.[0] ?? keyNode?.range?.[0]) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** Line starts of a text, for turning offsets into lines without a document model. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * Positions of `id:` keys (rules and playbook entries), found in the text without a document
 * model: id -> 1-based line and column of the key. Ids written in flow style are not found here;
 * callers fall back to locate().
 */
export function idPositions(file: ParsedFile): Map<string, { line: number; column: number }> {
  const out = new Map<string, { line: number; column: number }>();
  const starts = lineStarts(file.text);
  const re = /^([ \t]*-?[ \t]*)id:[ \t]*(['"]?)([^'"\n#]*?)\2[ \t]*(?:#.*)?$/gm;
  for (let m = re.exec(file.text); m; m = re.exec(file.text)) {
    const id = m[3]!.trim();
    if (id && !out.has(id)) out.set(id, positionAt(starts, m.index + m[1]!.length));
  }
  return out;
}
