/**
 * YAML parsing that keeps positions, so every later check can point at file:line:column.
 * Aliases are limited (no "billion laughs"), keys must be unique, nesting depth is bounded.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { PackError } from './errors';

export const MAX_FILE_CHARS = 512 * 1024;
export const MAX_DEPTH = 24;

export interface ParsedFile {
  path: string;
  value: unknown;
  doc: Document.Parsed;
  lines: LineCounter;
}

export type Segment = string | number;

export function parseYamlFile(path: string, text: string, errors: PackError[]): ParsedFile | null {
  if (text.length > MAX_FILE_CHARS) {
    errors.push({ file: path, line: 0, column: 0, severity: 'error', message: `file is larger than ${MAX_FILE_CHARS / 1024} KB` });
    return null;
  }
  if (text.includes('\u0000')) {
    errors.push({ file: path, line: 0, column: 0, severity: 'error', message: 'file is not text (it contains NUL bytes)' });
    return null;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      errors.push({ file: path, line: pos.line, column: pos.col, severity: 'error', message: `YAML: ${firstLine(e.message)}` });
    }
    return null;
  }
  const depth = nodeDepth(doc.contents as Node | null);
  if (depth > MAX_DEPTH) {
    errors.push({ file: path, line: 1, column: 1, severity: 'error', message: `YAML is nested more than ${MAX_DEPTH} levels deep` });
    return null;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    errors.push({ file: path, line: 1, column: 1, severity: 'error', message: `YAML: ${firstLine((e as Error).message)}` });
    return null;
  }
  return { path, value, doc, lines };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Nesting depth of a YAML node tree, without recursion (deep input must not blow the stack). */
function nodeDepth(root: Node | null): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (depth > MAX_DEPTH) return depth;
    if (isMap(node)) for (const item of node.items) stack.push([item.value, depth + 1]);
    else if (isSeq(node)) for (const item of node.items) stack.push([item, depth + 1]);
  }
  return max;
}

/** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
export function locate(file: ParsedFile, path: readonly Segment[], key = false): { line: number; column: number } {
  let node: unknown = file.doc.contents;
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
  const pos = file.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}
