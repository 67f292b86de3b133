import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { applyPolicy, startPolicy } from '../../src/background/packs/policy';
import { addTeamPack, emptyState } from '../../src/shared/packs';
import { loadActivePack } from '../../src/shared/packs-active';
import { verifyPolicyPacks } from '../../src/shared/packs-policy';
import { toYamlStream } from '../../src/shared/packs-io';
import { memoryStore, POLICY_KEY, saveVersion } from '../../src/shared/packs-store';
import { builtInFiles, compile, ROOT, teamPack } from './helpers';

vi.setConfig({ testTimeout: 60_000 });
const builtIn = builtInFiles();
const broken = teamPack('voucher', 'bad').map((f) => ({ ...f, text: f.text.replace('category: complaint', 'category: grumpy') }));

describe('enterprise policy', () => {
  it('keeps valid parts, rejects an invalid pack with file:line for the admin, and the extension keeps working', async () => {
    const managed = memoryStore({
      packs: { corp: toYamlStream(teamPack('rebate', 'corp')), bad: toYamlStream(broken), 'Bad Id': 'x' },
      lockedPacks: ['corp'],
      allowUserPacks: false,
      customHelpdesks: [{ id: 'acme', matches: ['https://help.acme.test/*'], selectors: { root: '#t', message: '.m', body: '.b' } }, { id: 'nope' }],
      selectorOverrides: { rt: { body: '.new-body' } },
      logging: { mode: 'off', retentionDays: 0, ticketSalt: 'too-short' },
    });
    const local = memoryStore();
    const effective = await applyPolicy({ managed, local, now: () => 7 });
    // The worker checks shape only (it does not load the engine): the well-formed YAML of the bad
    // pack passes there, and compiling it is left to the pages.
    expect(effective.packs.map((p) => [p.id, p.locked])).toEqual([['policy:corp', true], ['policy:bad', false]]);
    expect(effective.errors).toEqual([
      'packs.Bad Id: the id must be lowercase letters, digits, dots or dashes',
      expect.stringMatching(/^customHelpdesks: custom helpdesk 2 \(nope\): needs at least one match pattern/),
      'logging.retentionDays: must be a whole number from 1 to 3650',
      'logging.ticketSalt: must be a secret text of 16 to 256 characters',
    ]);
    // The options page compiles them: the admin reads file:line, and the bad pack is not offered.
    const verified = verifyPolicyPacks(effective, compile);
    expect(verified.packs.map((p) => p.id)).toEqual(['policy:corp']);
    expect(verified.errors).toEqual([
      'packs.bad was rejected; the extension keeps working without it:',
      expect.stringMatching(/^ {2}rules\.yaml:4:15: error: `category` must be one of: /),
      ...effective.errors,
    ]);
    expect(effective.customHelpdesks.map((h) => h.id)).toEqual(['acme']);
    expect(effective.selectorOverrides).toEqual({ rt: { body: '.new-body' } });
    expect(effective.logging).toEqual({ mode: 'off' });
    expect(effective.allowUserPacks).toBe(false);
    expect(local.data.get(POLICY_KEY)).toEqual(effective);

    // The side panel now runs the admin's pack first, and ignores the user's own packs.
    await saveVersion(local, addTeamPack(emptyState(), 'mine', 'Mine'), 'mine', teamPack('voucher', 'mine'));
    // The side panel leaves the pack that does not compile out and says so.
    const active = await loadActivePack(local, builtIn, compile);
    expect(active.sources).toEqual(['policy:corp', 'builtin']);
    expect(active.problems.join('\n')).toMatch(/without policy:bad/);
  });

  it('a team salt for ticket hashes passes through to the log', async () => {
    const managed = memoryStore({ logging: { ticketSalt: 'our-team-secret-2026' } });
    const effective = await applyPolicy({ managed, local: memoryStore() });
    expect(effective.errors).toEqual([]);
    expect(effective.logging).toEqual({ ticketSalt: 'our-team-secret-2026' });
  });

  it('no policy: nothing is restricted', async () => {
    const local = memoryStore();
    const effective = await applyPolicy({ managed: memoryStore(), local });
    expect(effective).toMatchObject({ managed: false, packs: [], allowUserPacks: true, errors: [] });
  });

  it('re-reads the managed area when the admin changes it', async () => {
    const managed = memoryStore();
    const local = memoryStore();
    const stop = startPolicy({ managed, local, debounceMs: 1 });
    await vi.waitFor(() => expect(local.data.get(POLICY_KEY)).toMatchObject({ managed: false }));
    await managed.set({ allowUserPacks: false });
    await vi.waitFor(() => expect(local.data.get(POLICY_KEY)).toMatchObject({ managed: true, allowUserPacks: false }));
    stop();
  });

  it('managed_schema.json declares exactly the keys the parser reads, and the manifest points at it', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual(['allowUserPacks', 'customHelpdesks', 'lockedPacks', 'logging', 'packs', 'selectorOverrides']);
    expect(Object.keys(schema.properties.logging.properties).sort()).toEqual(['maxEvents', 'mode', 'retentionDays', 'ticketSalt']);
    expect(readFileSync(join(ROOT, 'manifest.config.ts'), 'utf8')).toMatch(/managed_schema: 'managed_schema\.json'/);
  });
});
