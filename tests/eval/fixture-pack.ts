/**
 * The engine tests' small in-memory pack written to a temp folder, so the eval and bench tests
 * run through `--pack DIR` and do not move (or break) while rules/en-default is being tuned.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { files } from '../engine/helpers';

export function fixturePackDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tactful-pack-'));
  for (const f of files()) writeFileSync(join(dir, basename(f.path)), f.text);
  return dir;
}
