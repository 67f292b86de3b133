import type { CompileResult } from '../engine';
import type { PackFile } from '../shared/packs';

/**
 * Compiling the built-in pack takes a few hundred milliseconds; the same merged files come back on
 * every keystroke in another pack, so the last few results are kept.
 */
export function cached(compile: (files: PackFile[]) => CompileResult): (files: PackFile[]) => CompileResult {
  const recent = new Map<string, CompileResult>();
  return (files) => {
    let h = 0x811c9dc5;
    for (const f of files) for (const t of [f.path, '\u0000', f.text, '\u0001']) for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    const key = `${files.length}:${files.reduce((n, f) => n + f.text.length, 0)}:${h >>> 0}`;
    let result = recent.get(key);
    if (!result) {
      result = compile(files);
      if (recent.size >= 4) recent.delete(recent.keys().next().value!);
    }
    recent.delete(key);
    recent.set(key, result);
    return result;
  };
}
