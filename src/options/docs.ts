/**
 * What the editor can open: the built-in pack and policy packs (read-only), a team pack, or the
 * personal overrides; and the starting text of a new one.
 */
import { BUILT_IN_ID, OVERLAY_FILE, OVERLAY_ID, POLICY_PREFIX, type PackFile, type PacksState } from '../shared/packs';
import { OVERLAY_TEMPLATE } from '../shared/packs-overlay';
import type { EffectivePolicy } from '../shared/packs-policy';

export type DocKind = 'builtin' | 'policy' | 'team' | 'overlay';

export function kindOf(docId: string): DocKind {
  if (docId === BUILT_IN_ID) return 'builtin';
  if (docId === OVERLAY_ID) return 'overlay';
  if (docId.startsWith(POLICY_PREFIX)) return 'policy';
  return 'team';
}

export function docLabel(docId: string, state: PacksState): string {
  switch (kindOf(docId)) {
    case 'builtin': return 'Built-in pack';
    case 'overlay': return 'Personal overrides';
    case 'policy': return `${docId.slice(POLICY_PREFIX.length)} (from your administrator)`;
    default: return state.packs.find((p) => p.id === docId)?.name ?? docId;
  }
}

export function newPackFiles(id: string): PackFile[] {
  return [
    { path: 'pack.yaml', text: `id: ${id}\nversion: 1.0.0\nlocale: en\ndescription: Rules and wordings of our team.\n` },
    {
      path: 'rules.yaml',
      text: `# Our team's rules. A rule with the id of a built-in rule replaces it while this pack is above it.\nrules:\n  - id: ${id}.example\n    category: complaint\n    level: suggestion\n    reason: Say why an agent should notice this.\n    match:\n      phrases: [not good enough]\n    examples:\n      match: [This is not good enough.]\n      no_match: ["This is good enough, thanks."]\n`,
    },
  ];
}

export function overlayFiles(text = OVERLAY_TEMPLATE): PackFile[] {
  return [{ path: OVERLAY_FILE, text }];
}

/** The built-in pack renamed as a team pack (same rules, so it replaces the built-in while above it). */
export function copyOfPack(files: readonly PackFile[], id: string): PackFile[] {
  return files.map((f) => (/^pack\.ya?ml$/.test(f.path) ? { ...f, text: f.text.replace(/^id:.*$/m, `id: ${id}`) } : f));
}

export function isReadOnly(docId: string, policy: EffectivePolicy, readOnlyStore: boolean): boolean {
  const kind = kindOf(docId);
  return readOnlyStore || kind === 'builtin' || kind === 'policy' || (kind === 'team' && !policy.allowUserPacks);
}
