import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every file under `dir` (repo-relative) whose name matches, as repo-relative POSIX paths. */
export function listFiles(dir: string, match: RegExp): string[] {
  const entries = readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && match.test(entry.name))
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export function readRepoFile(file: string): string {
  return readFileSync(path.join(repoRoot, file), 'utf8');
}
