import { describe, expect, it } from 'vitest';
import { compilePack, formatPackError, type PackError } from '../../src/engine';
import { files, MANIFEST } from './helpers';

function errorsOf(extra: Record<string, string>, base = files()): PackError[] {
  const result = compilePack([...base, ...Object.entries(extra).map(([path, text]) => ({ path, text }))]);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

const rule = (body: string) => `rules:\n  - id: x.rule\n    category: delay\n    reason: r\n${body}`;
const okMatch = '    match:\n      phrases: [late]\n    examples:\n      match: [late]\n';

describe('compilePack', () => {
  it('compiles the test pack with its meta, scoring and both scopes', () => {
    const result = compilePack(files());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.meta).toMatchObject({ id: 'test-pack', version: '1.0.0', locale: 'en' });
    expect(result.pack.scoring.complaintThreshold).toBe(0.35);
    expect(result.pack.customer.sequences.length).toBeGreaterThan(0);
    expect(result.pack.agent.sequences.length).toBeGreaterThan(0);
  });

  it('reports YAML syntax errors at file:line:column', () => {
    const [e] = errorsOf({ 'pack/bad.yaml': 'rules:\n  - id: a\n    category: [delay\n' });
    expect(e!.file).toBe('pack/bad.yaml');
    expect(e!.line).toBeGreaterThanOrEqual(3);
    expect(formatPackError(e!)).toMatch(/^pack\/bad\.yaml:\d+:\d+: error: YAML/);
  });

  it('explains schema problems in plain words at the offending line', () => {
    const text = rule(`    weight: 3\n    colour: red\n${okMatch}`).replace('category: delay', 'category: delayy');
    const errors = errorsOf({ 'pack/x.yaml': text });
    const messages = errors.map((e) => `${e.line}: ${e.message}`);
    expect(messages).toContain('3: `category` must be one of: delay, miscommunication, unmet_expectation, company_mistake, repeat_contact, escalation_threat, personal_stress, abuse, frustration, complaint, calm, acknowledge, apologise, options, boundary, escalate, follow_up, blame, condescension, defensive, no_empathy, no_apology, no_options, vague_apology, overpromise, jargon');
    expect(messages.some((m) => m.startsWith('5: `weight` is out of range'))).toBe(true);
    expect(messages).toContain('6: unknown field `colour` (check the spelling; see rules/README.md)');
    expect(errors.every((e) => e.ruleId === 'x.rule')).toBe(true);
  });

  it('names missing required fields', () => {
    const errors = errorsOf({ 'pack/x.yaml': 'rules:\n  - id: x.y\n    category: delay\n    match:\n      phrases: [a]\n' });
    expect(errors.map((e) => e.message)).toEqual(expect.arrayContaining(['missing required field `reason`', 'missing required field `examples`']));
  });

  it('rejects duplicate rule ids across files, pointing at both places', () => {
    const errors = errorsOf({ 'pack/z.yaml': rule(okMatch).replace('x.rule', 'delay.late') });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/duplicate rule id "delay.late" \(first defined at pack\/rules.yaml:\d+\)/);
    expect(errors[0]!.file).toBe('pack/z.yaml');
  });

  it('rejects a category that does not fit the scope', () => {
    const errors = errorsOf({ 'pack/x.yaml': rule(`    scope: agent\n${okMatch}`) });
    expect(errors[0]!.message).toMatch(/category "delay" is for customer-scope rules/);
  });

  it('rejects regex terms in patterns, bad regexes and empty-matching regexes', () => {
    const text = rule('    match:\n      patterns: ["still /wait.*/"]\n      regex: ["(unclosed", "a*"]\n    examples:\n      match: [x]\n');
    const messages = errorsOf({ 'pack/x.yaml': text }).map((e) => e.message);
    expect(messages.some((m) => /regular expressions are not allowed in patterns/.test(m))).toBe(true);
    expect(messages.some((m) => /not valid RE2 syntax/.test(m))).toBe(true);
    expect(messages.some((m) => /matches empty text/.test(m))).toBe(true);
  });

  it('rejects backtracking-prone regex features that RE2 does not have', () => {
    const text = rule('    match:\n      regex: ["(a+)+\\\\1"]\n    examples:\n      match: [x]\n');
    expect(errorsOf({ 'pack/x.yaml': text })[0]!.message).toMatch(/not valid RE2 syntax/);
  });

  it('rejects unknown tags and unsupported pattern syntax', () => {
    const text = rule('    match:\n      patterns: ["#Flavour late", "[late]"]\n    examples:\n      match: [x]\n');
    const messages = errorsOf({ 'pack/x.yaml': text }).map((e) => e.message);
    expect(messages.some((m) => /unknown tag #Flavour/.test(m))).toBe(true);
    expect(messages.some((m) => /syntax this engine does not support/.test(m))).toBe(true);
  });

  it('needs exactly one pack.yaml and a valid manifest', () => {
    expect(compilePack([{ path: 'p/rules.yaml', text: 'rules: []' }]).ok).toBe(false);
    const errors = errorsOf({}, [{ path: 'p/pack.yaml', text: MANIFEST.replace('1.0.0', 'one') }]);
    expect(errors[0]!.message).toMatch(/`version` has a form that is not allowed/);
    expect(errors[0]!.line).toBe(2);
  });

  it('refuses alias bombs, deep nesting and oversized files without hanging', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    expect(errorsOf({ 'pack/bomb.yaml': bomb })[0]!.message).toMatch(/YAML/);
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(errorsOf({ 'pack/deep.yaml': deep })[0]!.message).toMatch(/nested|YAML/);
    const huge = `rules: []\n#${'x'.repeat(600 * 1024)}`;
    expect(errorsOf({ 'pack/huge.yaml': huge })[0]!.message).toMatch(/larger than/);
  });

  it('reports every error of a broken pack, not just the first', () => {
    const errors = errorsOf({ 'pack/a.yaml': 'rules: [{}]', 'pack/b.yaml': 'nope: 1' });
    expect(new Set(errors.map((e) => e.file))).toEqual(new Set(['pack/a.yaml', 'pack/b.yaml']));
  });
});

describe('pattern errors that authors meet', () => {
  it('explains nested alternatives and symbol-only words', () => {
    const text = rule('    match:\n      patterns: ["(in (two|2) days)", "(my|our) (last|£) money"]\n    examples:\n      match: [x]\n');
    const messages = errorsOf({ 'pack/x.yaml': text }).map((e) => e.message);
    expect(messages.some((m) => /alternatives cannot be nested/.test(m))).toBe(true);
    expect(messages.some((m) => /"£" has no letters or digits/.test(m))).toBe(true);
  });
});

describe('word forms are shared safely between terms', () => {
  it('keeps {word} inflected even after the same word was used literally', () => {
    const text = rule('    match:\n      patterns: ["third write", "third time {write}"]\n    examples:\n      match: [x]\n');
    const result = compilePack([...files(), { path: 'pack/x.yaml', text }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const seq = result.pack.customer.sequences.find((s) => s.source === 'third time {write}')!;
    const last = seq.terms[2]!;
    expect(last.kind === 'words' && [...last.words].sort()).toEqual(['write', 'writes', 'writing', 'written', 'wrote']);
  });
});
