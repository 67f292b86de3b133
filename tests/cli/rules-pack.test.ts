import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fromYamlStream, importPack } from '../../src/shared/packs-io';
import { builtInFiles } from '../packs/helpers';
import { ROOT, runCli } from './run';

// Each case spawns the CLI through tsx and compiles the whole pack: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
const packRelative = builtInFiles().map((f) => ({ path: f.path.replace('rules/en-default/', ''), text: f.text })).sort((a, b) => a.path.localeCompare(b.path));

describe('tactful rules pack', () => {
  it('writes the pack as one YAML stream the options page imports back file for file', () => {
    const r = runCli(['rules', 'pack', 'rules/en-default']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# Tactful rule pack en-default; one document per file.');
    const back = fromYamlStream(r.stdout);
    expect(back.problems).toEqual([]);
    expect(back.files.sort((a, b) => a.path.localeCompare(b.path))).toEqual(packRelative);
  });

  it('-o FILE.zip writes a zip of the pack folder', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tactful-pack-')), 'en-default.zip');
    const r = runCli(['rules', 'pack', join(ROOT, 'rules/en-default'), '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/en-default\.zip: en-default 1\.0\.0, 22 files, \d+ rules/);
    expect(importPack('en-default.zip', new Uint8Array(readFileSync(out))).files).toEqual(packRelative);
  });

  it('refuses a pack with errors, naming file:line, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-pack-'));
    writeFileSync(join(dir, 'pack.yaml'), 'id: x\nversion: 1.0.0\nlocale: en\ndescription: d\n');
    writeFileSync(join(dir, 'a.yaml'), 'rules:\n  - id: a.b\n    category: late\n    reason: r\n    match: { phrases: [late] }\n    examples: { match: [late] }\n');
    const out = join(dir, 'out.yaml');
    const r = runCli(['rules', 'pack', dir, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/a\.yaml:3:15: error: /);
    expect(r.stdout).toMatch(/nothing was written/);
    expect(() => readFileSync(out)).toThrow();
  });
});
