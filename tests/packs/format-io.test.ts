import { describe, expect, it, vi } from 'vitest';
import { compilePack, runExamples } from '../../src/engine';
import { formatYaml } from '../../src/shared/packs-format';
import { declaredId, fromYamlStream, fromZip, importPack, toYamlStream, toZip } from '../../src/shared/packs-io';
import { strToU8, zipSync } from 'fflate';
import { builtInFiles, teamPack } from './helpers';

vi.setConfig({ testTimeout: 60_000 });
const builtIn = builtInFiles().map((f) => ({ path: f.path.replace('rules/en-default/', ''), text: f.text }));

/** What a compiled pack means, without positions (formatting may move lines). */
function meaning(files: typeof builtIn) {
  const r = compilePack(files);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return {
    rules: r.pack.rules.map(({ id, category, level, scope, weight, effect, boundary, profanity, negatable, reason, examples }) => ({
      id, category, level, scope, weight, effect, boundary, profanity, negatable, reason, examples: [examples.match.map((e) => e.text), examples.noMatch.map((e) => e.text)],
    })),
    playbook: r.pack.playbook.map(({ id, step, categories, when, priority, variants }) => ({ id, step, categories, when, priority, variants: variants.map((v) => [v.text, v.tone, v.channel]) })),
    scoring: r.pack.scoring,
    examples: runExamples(r.pack).failures.length,
  };
}

describe('format on save', () => {
  it('is idempotent and keeps comments on every built-in file', () => {
    for (const f of builtIn) {
      const once = formatYaml(f.text);
      expect(formatYaml(once), f.path).toBe(once);
      const comments = (t: string) => t.split('\n').filter((l) => /^\s*#/.test(l)).map((l) => l.trim());
      expect(comments(once), f.path).toEqual(comments(f.text));
    }
  });

  it('changes layout, never meaning: the compiled pack is the same before and after', () => {
    const formatted = builtIn.map((f) => ({ path: f.path, text: formatYaml(f.text) }));
    expect(meaning(formatted)).toEqual(meaning(builtIn));
  });

  it('normalises a messy file to the canonical form', () => {
    const messy = 'rules:\n- id: a.b   # keep me\n  category: delay\n  match: {phrases: [late]}\n';
    expect(formatYaml(messy)).toBe('rules:\n  - id: a.b # keep me\n    category: delay\n    match: { phrases: [ late ] }\n');
  });
});

describe('import and export', () => {
  it('a YAML stream round-trips a multi-file pack, comments included, and is one valid YAML stream', () => {
    const stream = toYamlStream(builtIn, 'en-default');
    expect(stream.split('\n')[1]).toBe('--- # file: pack.yaml');
    const back = fromYamlStream(stream);
    expect(back.problems).toEqual([]);
    expect(back.files.sort((a, b) => a.path.localeCompare(b.path))).toEqual([...builtIn].sort((a, b) => a.path.localeCompare(b.path)));
    expect(declaredId(back.files)).toBe('en-default');
  });

  it('a zip of the pack folder round-trips, with or without the top folder', () => {
    const zipped = toZip(teamPack(), 'team-a');
    expect(importPack('team-a.zip', zipped)).toEqual({ files: teamPack(), problems: [] });
    const flat = zipSync(Object.fromEntries(teamPack().map((f) => [f.path, strToU8(f.text)])));
    expect(fromZip(flat).files).toEqual(teamPack());
    expect(toZip(teamPack(), 'x')).toEqual(toZip(teamPack(), 'x')); // reproducible bytes
  });

  it('refuses paths outside the pack and files that are not exports', () => {
    expect(fromYamlStream('--- # file: ../evil.yaml\na: 1\n').problems[0]).toMatch(/not a YAML file path inside the pack/);
    expect(fromYamlStream('just: yaml\n').problems[0]).toMatch(/no pack files found/);
    const evil = zipSync({ '../x/pack.yaml': strToU8('id: x\n') });
    expect(fromZip(evil).problems.join()).toMatch(/not a path inside the pack/);
    expect(importPack('x.zip', new Uint8Array([0x50, 0x4b, 1, 2])).problems[0]).toMatch(/could not be read/);
  });
});
