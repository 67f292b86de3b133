import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run';

function tempPack(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tactful-pack-'));
  cpSync(join(ROOT, 'rules/en-default/pack.yaml'), join(dir, 'pack.yaml'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('tactful rules', () => {
  it('lints and tests the default pack cleanly', () => {
    const lint = runCli(['rules', 'lint']);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(/en-default \d+\.\d+\.\d+: \d+ rules in \d+ files, no errors/);
    const test = runCli(['rules', 'test']);
    expect(test.stdout).toMatch(/examples: \d+ passed, 0 failed/);
    expect(test.code).toBe(0);
  }, 30_000); // two CLI processes, each compiling the pack

  it('lint prints every error as file:line:column and exits non-zero', () => {
    const dir = tempPack({ 'a.yaml': 'rules:\n  - id: a.b\n    category: delay\n    reason: r\n    match:\n      phrases: [late]\n    examples:\n      match: [late]\n    weight: 7\n', 'b.yaml': 'rules:\n  - id: a.b\n' });
    const r = runCli(['rules', 'lint', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/a\.yaml:9:13: error: `weight` is out of range/);
    expect(r.stdout).toMatch(/b\.yaml:2:5: error: missing required field `category`/);
    expect(r.stdout).toMatch(/errors; the pack was not loaded/);
  });

  it('test fails with file:line of the failing example', () => {
    const dir = tempPack({ 'a.yaml': 'rules:\n  - id: a.b\n    category: delay\n    reason: r\n    match:\n      phrases: [late]\n    examples:\n      match: [late, on time]\n      no_match: [so late]\n' });
    const r = runCli(['rules', 'test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/a\.yaml:8:21: match example failed \[a\.b\]: expected a match, found none/);
    expect(r.stdout).toMatch(/a\.yaml:9:18: no_match example failed \[a\.b\]: expected no match, found "late"/);
    expect(r.stdout).toMatch(/1 rules, 3 examples: 1 passed, 2 failed/);
  });

  it('analyze with a broken --pack says so and does not crash', () => {
    const dir = tempPack({ 'a.yaml': 'rules: [' });
    const r = runCli(['analyze', '-', '--pack', dir], 'hello');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the rule pack has errors:\n.*a\.yaml:1:\d+: error: YAML/);
  });
});
