/** Reading a pack folder from disk for the CLI (the engine itself never touches the file system). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compilePack, formatPackError, type CompiledPack, type CompileResult, type PackFile } from '../engine';

export const DEFAULT_PACK_DIR = resolve(import.meta.dirname, '../../rules/en-default');

/** The YAML files of a pack folder (recursively), with paths relative to the working directory. */
export function readPackFiles(dir: string = DEFAULT_PACK_DIR): PackFile[] {
  const root = resolve(dir);
  const out: PackFile[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 4) return;
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full, depth + 1);
      else if (/\.ya?ml$/i.test(name)) out.push({ path: relative(process.cwd(), full) || name, text: readFileSync(full, 'utf8') });
    }
  };
  walk(root, 0);
  return out;
}

export function compilePackDir(dir: string = DEFAULT_PACK_DIR): CompileResult {
  return compilePack(readPackFiles(dir));
}

export class PackLoadError extends Error {}

/** Compile a pack folder or throw with every error, one per line as file:line:column. */
export function loadPackDir(dir: string = DEFAULT_PACK_DIR): CompiledPack {
  const result = compilePackDir(dir);
  if (!result.ok) throw new PackLoadError(result.errors.map(formatPackError).join('\n'));
  return result.pack;
}
