import { describe, expect, it, vi } from 'vitest';
import { compilePack } from '../../src/engine';
import { createOptionsModel } from '../../src/options/model';
import { loadActivePack } from '../../src/shared/packs-active';
import { DRAFT_PREFIX, memoryStore } from '../../src/shared/packs-store';
import { strToU8 } from 'fflate';
import { toYamlStream } from '../../src/shared/packs-io';
import { builtInFiles, teamPack } from './helpers';

vi.setConfig({ testTimeout: 120_000 });
const builtIn = builtInFiles().map((f) => ({ path: f.path.replace('rules/en-default/', ''), text: f.text }));
const open = (store = memoryStore()) => createOptionsModel({ store, builtIn, compile: compilePack, delayMs: 5, now: () => 1_000 });
const firedRules = (m: Awaited<ReturnType<typeof open>>) => m.bench.value?.trace.filter((t) => t.outcome === 'fired').map((t) => t.ruleId) ?? [];

describe('options page model', () => {
  it('editing a team pack changes the test bench, saving makes it active, and a reload finds it', async () => {
    const store = memoryStore();
    const m = await open(store);
    expect(await m.createPack('team-a', 'Team A')).toBe(true);
    m.ticket.value = 'This is shoddy work.';
    await m.flush();
    expect(firedRules(m)).not.toContain('team-a.example');
    m.edit(m.text.value.replace('[not good enough]', '[shoddy work]').replace('[This is not good enough.]', '[This is shoddy work.]'));
    await m.flush();
    expect(m.check.value.errors).toEqual([]);
    expect(firedRules(m)).toContain('team-a.example');
    expect(m.dirty.value).toBe(true);
    expect(await m.save('Shoddy')).toBe(true);
    expect(m.versions.value.map((v) => [v.n, v.summary])).toEqual([[1, 'Shoddy']]);
    expect(m.active.value?.sources).toEqual(['team-a', 'builtin']);

    const panel = await loadActivePack(store, builtIn, compilePack);
    expect(panel.pack.byId.get('team-a.example')).toBeDefined();
    const again = await open(store);
    expect(again.selected.value).toBe('team-a');
    expect(again.text.value).toContain('[ shoddy work ]'); // formatted on save
    expect(again.dirty.value).toBe(false);
  });

  it('an invalid edit is refused with file:line, kept as a draft across a reload, and the saved version stays active', async () => {
    const store = memoryStore();
    const m = await open(store);
    await m.createPack('team-a', 'Team A');
    await m.save();
    m.edit(m.text.value.replace('category: complaint', 'category: grumpy'));
    await m.flush();
    expect(m.check.value.errors.map((e) => `${e.file}:${e.line}:${e.column}`)).toEqual(['rules.yaml:4:15']);
    expect(store.data.has(`${DRAFT_PREFIX}team-a`)).toBe(true);
    expect(await m.save()).toBe(false);
    expect(m.notice.value?.text).toMatch(/^Not saved: 1 error \(first: rules\.yaml:4:15: error: .*\)\. Your edit is kept as a draft; version 1 stays active\.$/);
    expect(m.versions.value).toHaveLength(1);

    const again = await open(store);
    expect(again.text.value).toContain('category: grumpy');
    expect(again.notice.value?.text).toMatch(/Restored your unsaved draft/);
    expect(again.check.value.errors).toHaveLength(1);
    const panel = await loadActivePack(store, builtIn, compilePack);
    expect(panel.pack.byId.get('team-a.example')?.category).toBe('complaint');
    await again.discard();
    expect(again.text.value).toContain('category: complaint');
    expect(store.data.has(`${DRAFT_PREFIX}team-a`)).toBe(false);
  });

  it('imports a broken pack as a draft with file:line errors, a good one as a version; exports round-trip', async () => {
    const store = memoryStore();
    const m = await open(store);
    const broken = teamPack('voucher', 'imported').map((f) => ({ ...f, text: f.text.replace('level: warning', 'level: loud') }));
    expect(await m.importFile('imported.yaml', strToU8(toYamlStream(broken)))).toBe(false);
    expect(m.importErrors.value[0]).toMatch(/^rules\.yaml:5:12: error: /);
    expect(m.active.value?.sources).toEqual(['builtin']);
    expect(await m.importFile('imported.yaml', strToU8(toYamlStream(teamPack('voucher', 'imported'))))).toBe(true);
    expect(m.active.value?.sources).toEqual(['imported', 'builtin']);
    const exported = m.exportSelected('zip');
    expect(exported.name).toBe('imported.zip');
    const other = await open(memoryStore());
    expect(await other.importFile(exported.name, exported.bytes)).toBe(true);
    expect(other.files.value).toEqual(teamPack('voucher', 'imported'));
  });

  it('overrides: a stale id is a warning at its line, a bad wording an error at its line; history diff and restore', async () => {
    const m = await open();
    expect(m.selected.value).toBe('overlay');
    m.edit('rules:\n  delay.gone: { enabled: false }\n  delay.still-waiting: { level: error }\n');
    await m.flush();
    expect(m.check.value.warnings.map((w) => [w.line, w.message])).toEqual([[2, expect.stringMatching(/"delay.gone" is not in the enabled packs/)]]);
    expect(await m.save('first')).toBe(true);
    m.edit('playbook:\n  play.apologise.delay:\n    variants: ["Sorry {nme}"]\n');
    await m.flush();
    expect(m.check.value.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['overrides.yaml:2']);
    m.edit('rules:\n  delay.still-waiting: { level: suggestion }\n');
    expect(await m.save('second')).toBe(true);
    await m.showDiff(2);
    expect(m.shownDiff.value?.diff[0]?.lines.filter((l) => l.kind !== 'same').map((l) => `${l.kind} ${l.text}`)).toEqual([
      'removed   delay.gone: { enabled: false }',
      'removed   delay.still-waiting: { level: error }',
      'added   delay.still-waiting: { level: suggestion }',
    ]);
    await m.restore(1);
    expect(m.versions.value.map((v) => v.summary)).toEqual(['first', 'second', 'Restored version 1']);
    expect(m.active.value?.pack.byId.get('delay.still-waiting')?.level).toBe('error');
  });

  it('runs every example of the selected pack with pass/fail per rule', async () => {
    const m = await open();
    await m.createPack('team-a', 'Team A');
    m.edit(m.text.value.replace('no_match: ["This is good enough, thanks."]', 'no_match: [This is not good enough at all.]'));
    await m.flush();
    const report = m.runAllExamples()!;
    expect(report.perRule).toEqual([{ ruleId: 'team-a.example', passed: 1, total: 2 }]);
    expect(report.failures[0]!.message).toMatch(/expected no match/);
  });
});

describe('overrides from the test bench', () => {
  it('"turn off for me" writes a draft override that, once saved, silences the rule in the active pack', async () => {
    const m = await open();
    m.ticket.value = 'I am still waiting for my parcel.';
    await m.flush();
    expect(firedRules(m)).toContain('delay.still-waiting');
    await m.overrideFromBench('rules', 'delay.still-waiting');
    expect(m.selected.value).toBe('overlay');
    expect(m.text.value).toMatch(/^ {2}delay\.still-waiting: \{ enabled: false \}$/m);
    expect(firedRules(m)).not.toContain('delay.still-waiting'); // the bench already uses the draft
    expect(m.active.value?.pack.byId.has('delay.still-waiting')).toBe(true); // not active until saved
    expect(await m.save()).toBe(true);
    expect(m.active.value?.pack.byId.has('delay.still-waiting')).toBe(false);
    await m.overrideFromBench('playbook', 'play.apologise.delay');
    expect(m.text.value).toMatch(/^ {2}play\.apologise\.delay:\n {4}variants:\n {6}- text: I'm sorry we've kept you waiting like this\. [^\n]*\n {8}channel: email\n {6}- I'm sorry your order \{order\}/m);
    expect(m.check.value.errors).toEqual([]);
  });
});
