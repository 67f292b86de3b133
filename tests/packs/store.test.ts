import { describe, expect, it } from 'vitest';
import { addTeamPack, emptyState, MAX_VERSIONS, migrate, move, orderedIds, setEnabled, type PacksState } from '../../src/shared/packs';
import { compact, diffPacks } from '../../src/shared/packs-diff';
import {
  BLOB_PREFIX, DRAFT_PREFIX, discardDraft, latestFiles, loadDraft, loadState, memoryStore, readFiles, restoreVersion, saveDraft, saveVersion, STATE_KEY,
} from '../../src/shared/packs-store';
import { teamPack } from './helpers';

const edit = (files: ReturnType<typeof teamPack>, from: string, to: string) => files.map((f) => ({ ...f, text: f.text.replace(from, to) }));

describe('pack versions', () => {
  it('every save is a version with a line diff to the previous one; restore adds a version', async () => {
    const store = memoryStore();
    let state = addTeamPack(emptyState(), 'team-a', 'Team A');
    const v1 = teamPack();
    state = await saveVersion(store, state, 'team-a', v1, { time: 1000 });
    const v2 = edit(v1, 'level: warning', 'level: error');
    state = await saveVersion(store, state, 'team-a', v2, { time: 2000, summary: 'Stronger level' });
    const versions = state.packs[0]!.versions;
    expect(versions.map((v) => [v.n, v.time, v.summary, v.added, v.removed])).toEqual([
      [1, 1000, 'First version', 15, 0],
      [2, 2000, 'Stronger level', 1, 1],
    ]);
    const diff = diffPacks(await readFiles(store, versions[0]!), await readFiles(store, versions[1]!));
    expect(diff.map((d) => d.path)).toEqual(['rules.yaml']);
    expect(diff[0]!.lines.filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: '    level: warning' },
      { kind: 'added', text: '    level: error' },
    ]);

    state = await restoreVersion(store, state, 'team-a', 1, 3000);
    expect(state.packs[0]!.versions.map((v) => v.n)).toEqual([1, 2, 3]);
    expect(state.packs[0]!.versions[2]!.summary).toBe('Restored version 1');
    expect(await latestFiles(store, state, 'team-a')).toEqual(v1);
    // The state itself is persisted and reads back the same after a "restart" (new loadState).
    expect((await loadState(store)).state).toEqual(state);
  });

  it('stores each distinct file text once and deletes blobs no version uses', async () => {
    const store = memoryStore();
    let state = addTeamPack(emptyState(), 'team-a', 'Team A');
    const v1 = teamPack();
    state = await saveVersion(store, state, 'team-a', v1);
    state = await saveVersion(store, state, 'team-a', edit(v1, 'refund', 'rebate'));
    const blobs = () => [...store.data.keys()].filter((k) => k.startsWith(BLOB_PREFIX));
    expect(blobs()).toHaveLength(3); // pack.yaml shared by both versions
    for (let i = 0; i < MAX_VERSIONS; i++) state = await saveVersion(store, state, 'team-a', edit(v1, 'refund', `word${i}`));
    expect(state.packs[0]!.versions).toHaveLength(MAX_VERSIONS);
    expect(blobs()).toHaveLength(MAX_VERSIONS + 1);
  });

  it('an autosaved draft survives a reload and is dropped by the next saved version', async () => {
    const store = memoryStore();
    let state = addTeamPack(emptyState(), 'team-a', 'Team A');
    state = await saveVersion(store, state, 'team-a', teamPack());
    const broken = edit(teamPack(), 'category: complaint', 'category: nonsense');
    await saveDraft(store, { docId: 'team-a', files: broken, time: 5 });
    // "Restart": a new store object over the same persisted data.
    const reopened = memoryStore(Object.fromEntries(store.data));
    expect((await loadDraft(reopened, 'team-a'))?.files).toEqual(broken);
    expect(await latestFiles(reopened, state, 'team-a')).toEqual(teamPack());
    state = await saveVersion(reopened, state, 'team-a', edit(teamPack(), 'refund', 'money back'));
    expect(await loadDraft(reopened, 'team-a')).toBeNull();
    await saveDraft(reopened, { docId: 'team-a', files: broken, time: 6 });
    await discardDraft(reopened, 'team-a');
    expect(reopened.data.has(`${DRAFT_PREFIX}team-a`)).toBe(false);
  });
});

describe('pack state', () => {
  it('orders packs (first wins), enables and disables them', () => {
    let state = addTeamPack(emptyState(), 'team-a', 'A');
    state = addTeamPack(state, 'team-b', 'B');
    expect(orderedIds(state)).toEqual(['team-b', 'team-a', 'builtin']);
    state = move(state, 'team-b', 1);
    expect(orderedIds(state)).toEqual(['team-a', 'team-b', 'builtin']);
    expect(orderedIds(state, ['policy:corp'])).toEqual(['policy:corp', 'team-a', 'team-b', 'builtin']);
    state = setEnabled(setEnabled(state, 'builtin', false), 'team-a', false);
    expect(state.builtInEnabled).toBe(false);
    expect(state.packs.find((p) => p.id === 'team-a')!.enabled).toBe(false);
    expect(() => addTeamPack(state, 'team-a', 'again')).toThrow(/already exists/);
    expect(() => addTeamPack(state, 'Bad Id', 'x')).toThrow(/lowercase/);
  });

  it('migrates: nothing stored -> empty; damaged entries are named and the old value backed up', async () => {
    expect(migrate(undefined)).toEqual({ state: emptyState(), problems: [], readOnly: false });
    const damaged = { schema: 1, packs: [{ id: 'ok', versions: [{ n: 1, time: 1, files: { 'pack.yaml': 'k' } }, { n: 'x' }] }, { name: 'no id' }] };
    const store = memoryStore({ [STATE_KEY]: damaged });
    const loaded = await loadState(store);
    expect(loaded.state.packs.map((p) => [p.id, p.versions.length])).toEqual([['ok', 1]]);
    expect(loaded.problems).toEqual(['pack ok: version 2 could not be read and is not shown', 'team pack 2 has no valid id and is not shown']);
    expect([...store.data.keys()].some((k) => k.startsWith(`${STATE_KEY}.backup-`))).toBe(true);
  });

  it('data from a newer schema is read-only and left untouched', async () => {
    const future = { schema: 99, somethingNew: true };
    const store = memoryStore({ [STATE_KEY]: future });
    const loaded = await loadState(store);
    expect(loaded.readOnly).toBe(true);
    expect(loaded.problems[0]).toMatch(/newer Tactful/);
    expect(store.data.get(STATE_KEY)).toEqual(future);
  });

  it('compact() keeps changed lines with context and marks gaps', () => {
    const lines = ['a', 'b', 'c', 'd', 'e', 'f'].map((text) => ({ kind: 'same' as const, text }));
    lines[4] = { kind: 'added' as never, text: 'E' };
    expect(compact(lines, 1)).toEqual([null, lines[3], lines[4], lines[5]]);
  });
});

export type { PacksState };

describe('two options tabs', () => {
  it('a version saved from a stale copy of the state is appended to the newest history, losing nothing', async () => {
    const store = memoryStore();
    const start = addTeamPack(emptyState(), 'team-a', 'Team A');
    const tab1 = await saveVersion(store, start, 'team-a', teamPack('one'));
    // Tab 2 loaded before tab 1 saved, then saves its own edit.
    const tab2 = await saveVersion(store, start, 'team-a', teamPack('two'));
    expect(tab2.packs[0]!.versions.map((v) => v.n)).toEqual([1, 2]);
    expect(await readFiles(store, tab2.packs[0]!.versions[0]!)).toEqual(teamPack('one'));
    expect(tab1.packs[0]!.versions).toHaveLength(1);
  });
});
