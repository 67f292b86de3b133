/** Built-in pack files read from disk with the same paths the extension pages use. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compilePack } from '../../src/engine';
import type { PackFile } from '../../src/shared/packs';

export const ROOT = join(import.meta.dirname, '../..');

export function builtInFiles(): PackFile[] {
  const out: PackFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.yaml')) out.push({ path: relative(ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(ROOT, 'rules/en-default'));
  return out;
}

/** A small valid team pack: one rule, one playbook entry. */
export function teamPack(ruleWord = 'refund', id = 'team-a'): PackFile[] {
  return [
    { path: 'pack.yaml', text: `id: ${id}\nversion: 1.0.0\nlocale: en\ndescription: Team pack for tests.\n` },
    {
      path: 'rules.yaml',
      text: `# Our own rule\nrules:\n  - id: team.${ruleWord}\n    category: complaint\n    level: warning\n    reason: Customer mentions ${ruleWord}.\n    match:\n      phrases: [${ruleWord}]\n    examples:\n      match: [I want a ${ruleWord}]\n      no_match: [hello there]\n`,
    },
  ];
}

export const compile = (files: PackFile[]) => compilePack(files);
