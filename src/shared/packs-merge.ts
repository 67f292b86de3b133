/**
 * The files the engine compiles for the enabled packs: the first pack in precedence order gives
 * pack.yaml (id, scoring); a rule or playbook id defined by a pack higher in the list replaces
 * the same id below it; then the personal overlay disables rules, changes levels and rewrites
 * wordings by id. Files are edited through the `yaml` Document API so what is not touched stays
 * as written.
 */
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { BUILT_IN_ID, OVERLAY_FILE, POLICY_PREFIX, type PackFile } from './packs';
import type { Overlay } from './packs-overlay';

export interface PackSource {
  /** `builtin`, a team pack id, or `policy:<id>`. */
  id: string;
  files: PackFile[];
}

export interface Merged {
  files: PackFile[];
  /** Overrides that match nothing any more, in plain words for the team lead. */
  problems: string[];
  /** The same, with the override's line in overrides.yaml (the editor shows them as warnings). */
  stale: Array<{ id: string; line: number; message: string }>;
}

const isManifest = (path: string) => /(^|\/)pack\.ya?ml$/i.test(path);
const isYaml = (path: string) => /\.ya?ml$/i.test(path);

/** Where a source's files appear in the merged pack (and so in errors and traces). */
export function sourcePrefix(id: string): string {
  if (id === BUILT_IN_ID) return '';
  if (id.startsWith(POLICY_PREFIX)) return `policy/${id.slice(POLICY_PREFIX.length)}/`;
  return `packs/${id}/`;
}

/** Ids a file defines, found in the text (cheap); only files that need editing are parsed. */
function idsIn(text: string): string[] {
  const out: string[] = [];
  const re = /^[ \t]*(?:-[ \t]+)?id:[ \t]*(['"]?)([^'"\s#]+)\1/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[2]!);
  return out;
}

function idOf(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const id = (item as YAMLMap).get('id');
  return typeof id === 'string' ? id : undefined;
}

export function mergePacks(sources: readonly PackSource[], overlay: Overlay | null): Merged {
  const files: PackFile[] = [];
  const stale: Merged['stale'] = [];
  const claimed = new Map<string, string>();
  const matched = new Set<string>();
  sources.forEach((source, index) => {
    const prefix = sourcePrefix(source.id);
    const mine: string[] = [];
    for (const f of source.files) {
      if (!isYaml(f.path)) continue;
      if (isManifest(f.path)) {
        if (index === 0) files.push({ path: prefix + f.path, text: f.text });
        continue;
      }
      const ids = idsIn(f.text);
      mine.push(...ids);
      const touched = ids.some((id) => claimed.has(id) || overlay?.rules.has(id) || overlay?.playbook.has(id));
      files.push({ path: prefix + f.path, text: touched ? edit(f.text, claimed, overlay, matched) : f.text });
    }
    mine.forEach((id) => claimed.has(id) || claimed.set(id, source.id));
  });
  for (const [kind, map] of [['rule', overlay?.rules], ['playbook entry', overlay?.playbook]] as const) {
    for (const [id, o] of map ?? []) {
      if (!matched.has(id)) stale.push({ id, line: o.line, message: `${kind} "${id}" is not in the enabled packs (renamed or removed?); this override does nothing` });
    }
  }
  return { files, problems: stale.map((s) => `${OVERLAY_FILE}:${s.line}: ${s.message}`), stale };
}

function edit(text: string, claimed: ReadonlyMap<string, string>, overlay: Overlay | null, matched: Set<string>): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return text; // the compiler will report it with file:line
  for (const key of ['rules', 'playbook'] as const) {
    const seq = doc.get(key, true);
    if (!isSeq(seq)) continue;
    seq.items = seq.items.filter((item) => {
      const id = idOf(item);
      if (id === undefined) return true;
      if (claimed.has(id)) return false; // a pack higher in the list defines this id
      const o = key === 'rules' ? overlay?.rules.get(id) : overlay?.playbook.get(id);
      if (!o) return true;
      matched.add(id);
      if (o.enabled === false) return false;
      const map = item as YAMLMap;
      if ('level' in o && o.level) map.set('level', o.level);
      if ('variants' in o && o.variants) map.set('variants', doc.createNode(o.variants));
      return true;
    });
  }
  return doc.toString();
}
