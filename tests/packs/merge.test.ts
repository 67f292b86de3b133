import { describe, expect, it, vi } from 'vitest';
import { analyzeMessage, RULE_LEVELS, runExamples, type CompiledPack } from '../../src/engine';
import { addTeamPack, emptyState, OVERLAY_ID, setEnabled } from '../../src/shared/packs';
import { compileActive, loadActivePack, readActiveInput } from '../../src/shared/packs-active';
import { mergePacks } from '../../src/shared/packs-merge';
import { OVERRIDE_LEVELS, parseOverlay } from '../../src/shared/packs-overlay';
import { memoryStore, POLICY_KEY, saveState, saveVersion } from '../../src/shared/packs-store';
import { builtInFiles, compile, teamPack } from './helpers';

// Each test compiles the whole built-in pack (seconds on a busy CI machine).
vi.setConfig({ testTimeout: 60_000 });
const builtIn = builtInFiles();
const cueIds = (pack: CompiledPack, text: string) => analyzeMessage(text, pack).cues.map((c) => c.ruleId);
const overlay = (text: string) => {
  const parsed = parseOverlay(text);
  expect(parsed.errors).toEqual([]);
  return parsed.overlay;
};

describe('overlay merge', () => {
  it('disables a rule, changes a level and rewrites a wording by id, keeping the rest of the file', () => {
    const merged = mergePacks([{ id: 'builtin', files: builtIn }], overlay(`
rules:
  delay.still-waiting: { enabled: false }
  abuse.insult-name: { level: suggestion }
playbook:
  play.apologise.delay:
    variants: ["Sorry for the wait, {name|friend}."]
`));
    expect(merged.problems).toEqual([]);
    const result = compile(merged.files);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const pack = result.pack;
    expect(pack.byId.has('delay.still-waiting')).toBe(false);
    expect(pack.byId.get('abuse.insult-name')?.level).toBe('suggestion');
    expect(pack.playbook.find((p) => p.id === 'play.apologise.delay')?.variants.map((v) => v.text)).toEqual(['Sorry for the wait, {name|friend}.']);
    // Everything else is as the built-in pack has it (same rule count minus one).
    const plain = compile(builtIn);
    expect(plain.ok && plain.pack.rules.length).toBe(pack.rules.length + 1);
    expect(cueIds(pack, 'I am still waiting for my order')).not.toContain('delay.still-waiting');
    // The overlay edits a copy: comments of the built-in file survive in the merged text.
    expect(merged.files.find((f) => f.path.endsWith('delay.yaml'))!.text).toMatch(/^# Delayed service/);
  });

  it('reports overrides that no longer match any rule (a new pack version renamed it)', () => {
    const merged = mergePacks([{ id: 'builtin', files: builtIn }], overlay('rules:\n  delay.renamed-away: { enabled: false }\nplaybook:\n  play.gone: { enabled: false }\n'));
    expect(merged.problems).toEqual([
      'overrides.yaml:2: rule "delay.renamed-away" is not in the enabled packs (renamed or removed?); this override does nothing',
      'overrides.yaml:4: playbook entry "play.gone" is not in the enabled packs (renamed or removed?); this override does nothing',
    ]);
  });

  it('a pack higher in the list replaces a rule with the same id below it and gives pack.yaml', () => {
    const team = teamPack('refund', 'team-a').map((f) => (f.path === 'rules.yaml' ? { ...f, text: f.text.replace('team.refund', 'delay.still-waiting').replace(/\[refund\]/, '[refund please]').replace('I want a refund', 'refund please now') } : f));
    const merged = mergePacks([{ id: 'team-a', files: team }, { id: 'builtin', files: builtIn }], null);
    const result = compile(merged.files);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.pack.meta.id).toBe('team-a');
    expect(result.pack.byId.get('delay.still-waiting')?.file).toBe('packs/team-a/rules.yaml');
    expect(cueIds(result.pack, 'refund please')).toContain('delay.still-waiting');
    expect(runExamples(result.pack).failures).toEqual([]);
  });

  it('rejects malformed overrides with line:column', () => {
    expect(parseOverlay('rules:\n  a.b: { level: loud }\n').errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual(['2:8 "a.b": `level` must be one of suggestion, warning, error']);
    expect(parseOverlay('rules:\n  a.b: { weight: 1 }\n').errors[0]!.message).toMatch(/`weight` cannot be overridden/);
    expect(parseOverlay('rules: [\n').errors[0]!.line).toBeGreaterThan(0);
    expect(OVERRIDE_LEVELS).toEqual(RULE_LEVELS);
  });
});

describe('active pack (what the side panel uses)', () => {
  it('uses saved team packs and the saved overlay, never drafts or disabled packs', async () => {
    const store = memoryStore();
    let state = addTeamPack(emptyState(), 'team-a', 'Team A');
    state = await saveVersion(store, state, 'team-a', teamPack('voucher'));
    state = await saveVersion(store, state, OVERLAY_ID, [{ path: 'overrides.yaml', text: 'rules:\n  delay.still-waiting: { enabled: false }\n' }]);
    let active = await loadActivePack(store, builtIn, compile);
    expect(active.sources).toEqual(['team-a', 'builtin']);
    expect(active.problems).toEqual([]);
    expect(cueIds(active.pack, 'I want a voucher')).toContain('team.voucher');
    expect(active.pack.byId.has('delay.still-waiting')).toBe(false);

    state = setEnabled(state, 'team-a', false);
    await saveState(store, state);
    active = await loadActivePack(store, builtIn, compile);
    expect(active.sources).toEqual(['builtin']);
    expect(active.pack.byId.has('team.voucher')).toBe(false);
  });

  it('falls back without the overlay when the merge does not compile, and says so', async () => {
    const store = memoryStore();
    await saveVersion(store, emptyState(), OVERLAY_ID, [{ path: 'overrides.yaml', text: 'playbook:\n  play.apologise.delay:\n    variants: ["Sorry {nme}"]\n' }]);
    const active = await loadActivePack(store, builtIn, compile);
    expect(active.pack.playbook.find((p) => p.id === 'play.apologise.delay')?.variants.length).toBeGreaterThan(1);
    expect(active.problems[0]).toMatch(/^the enabled packs do not compile together: overrides\.yaml:2:1: error: wording: unknown slot \{nme\}/);
    expect(active.problems).toContain('running without the personal overrides (overrides.yaml)');
  });

  it('policy packs come first; locked ones cannot be switched off; allowUserPacks=false leaves user packs out', async () => {
    const store = memoryStore();
    let state = addTeamPack(emptyState(), 'team-a', 'Team A');
    state = await saveVersion(store, state, 'team-a', teamPack('voucher'));
    state = { ...state, disabledPolicyPacks: ['policy:corp'] };
    await saveState(store, state);
    await store.set({ [POLICY_KEY]: { managed: true, packs: [{ id: 'policy:corp', locked: true, files: teamPack('rebate', 'corp') }], lockedPackIds: ['policy:corp'], allowUserPacks: false, errors: [] } });
    const input = await readActiveInput(store, builtIn);
    expect(input.sources.map((s) => s.id)).toEqual(['policy:corp', 'builtin']);
    const active = compileActive(input, builtIn, compile);
    expect(active.pack.meta.id).toBe('corp');
    expect(cueIds(active.pack, 'a rebate')).toContain('team.rebate');
  });
});

describe('adding an override from the bench', () => {
  it('adds or changes one override and keeps comments and the other overrides', async () => {
    const { OVERLAY_TEMPLATE, withOverride } = await import('../../src/shared/packs-overlay');
    const once = withOverride(OVERLAY_TEMPLATE, 'rules', 'delay.still-waiting', { enabled: false });
    expect(once).toContain('# Personal overrides');
    expect(parseOverlay(once).overlay.rules.get('delay.still-waiting')).toMatchObject({ enabled: false });
    const twice = withOverride(once, 'rules', 'delay.still-waiting', { level: 'error' });
    const thrice = withOverride(twice, 'rules', 'abuse.threat', { enabled: false });
    const parsed = parseOverlay(thrice);
    expect(parsed.errors).toEqual([]);
    expect([...parsed.overlay.rules].map(([id, o]) => [id, o.enabled, o.level])).toEqual([['delay.still-waiting', false, 'error'], ['abuse.threat', false, undefined]]);
    expect(thrice).toMatch(/^ {2}delay\.still-waiting: \{ enabled: false, level: error \}$/m);
  });
});

describe('one bad pack among several', () => {
  it('is left out on its own; the other packs stay active', async () => {
    // Valid alone, but its wording uses a slot only a newer Tactful knows: it fails inside the merge.
    const bad = teamPack('rebate', 'bad').map((f) => (f.path === 'rules.yaml' ? { ...f, text: `${f.text}playbook:\n  - id: bad.play\n    step: apologise\n    variants: ["Sorry {nme}"]\n` } : f));
    const active = compileActive({ sources: [{ id: 'good', files: teamPack('voucher', 'good') }, { id: 'policy:bad', files: bad }, { id: 'builtin', files: builtIn }], overlayText: null }, builtIn, compile);
    expect(active.sources).toEqual(['good', 'builtin']);
    expect(active.problems).toEqual([
      expect.stringMatching(/^the enabled packs do not compile together: policy\/bad\/rules\.yaml:\d+:\d+: error: wording: unknown slot \{nme\}/),
      'running without policy:bad',
    ]);
  });
});
