/** Line diffs between two versions of a pack, for the history view and version summaries. */
import { diffLines } from 'diff';
import type { PackFile } from './packs';

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface FileDiff {
  path: string;
  status: 'added' | 'removed' | 'changed';
  lines: DiffLine[];
  added: number;
  removed: number;
}

function lineDiff(before: string, after: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) out.push({ kind, text });
  }
  return out;
}

/** Per changed file, the lines added and removed (unchanged files are left out). */
export function diffPacks(before: readonly PackFile[], after: readonly PackFile[]): FileDiff[] {
  const old = new Map(before.map((f) => [f.path, f.text]));
  const now = new Map(after.map((f) => [f.path, f.text]));
  const paths = [...new Set([...old.keys(), ...now.keys()])].sort();
  const out: FileDiff[] = [];
  for (const path of paths) {
    const a = old.get(path);
    const b = now.get(path);
    if (a === b) continue;
    const lines = lineDiff(a ?? '', b ?? '');
    out.push({
      path,
      status: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed',
      lines,
      added: lines.filter((l) => l.kind === 'added').length,
      removed: lines.filter((l) => l.kind === 'removed').length,
    });
  }
  return out;
}

/** Only the changed lines with `context` unchanged lines around them; gaps become one '…' line. */
export function compact(lines: readonly DiffLine[], context = 2): Array<DiffLine | null> {
  const keep = lines.map(() => false);
  lines.forEach((l, i) => {
    if (l.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep[k] = true;
  });
  const out: Array<DiffLine | null> = [];
  lines.forEach((l, i) => {
    if (keep[i]) out.push(l);
    else if (out[out.length - 1] !== null) out.push(null);
  });
  return out;
}
