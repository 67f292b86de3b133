/**
 * The personal overlay: overrides of rules and playbook entries by id, kept apart from the packs
 * so a new built-in version still applies underneath. It is YAML the team lead types, so it keeps
 * their comments, and every mistake points at a line:
 *
 *   rules:
 *     delay.still-waiting: { enabled: false }
 *     abuse.insult: { level: error }
 *   playbook:
 *     play.apologise.delay:
 *       variants: ["I'm sorry for the wait, {name|}."]
 */
import { isMap, isScalar, LineCounter, parseDocument, YAMLMap, type Node } from 'yaml';
import { OVERLAY_FILE, type PackProblem } from './packs';

/** Mirrors the engine's RULE_LEVELS (tests/shared/packs-overlay.test.ts keeps them in step). */
export const OVERRIDE_LEVELS = ['suggestion', 'warning', 'error'] as const;

export interface RuleOverride {
  enabled?: boolean;
  level?: (typeof OVERRIDE_LEVELS)[number];
  line: number;
}

export type Variant = string | { text: string; tone?: string; channel?: string };

export interface PlayOverride {
  enabled?: boolean;
  variants?: Variant[];
  line: number;
}

export interface Overlay {
  rules: Map<string, RuleOverride>;
  playbook: Map<string, PlayOverride>;
}

export const OVERLAY_TEMPLATE = `# Personal overrides, applied on top of the enabled packs by rule or playbook id.
# A new version of a pack still applies underneath; overrides that no longer match are reported.
rules: {}
  # delay.still-waiting: { enabled: false }
  # abuse.insult-name: { level: error }
playbook: {}
  # play.apologise.delay:
  #   variants: ["I'm sorry for the wait, {name|}."]
`;

export function parseOverlay(text: string, file = OVERLAY_FILE): { overlay: Overlay; errors: PackProblem[] } {
  const overlay: Overlay = { rules: new Map(), playbook: new Map() };
  const errors: PackProblem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (node: Node | null | undefined) => lines.linePos(node?.range?.[0] ?? 0);
  const err = (node: Node | null | undefined, message: string) => {
    const pos = at(node);
    errors.push({ file, line: pos.line, column: pos.col, severity: 'error', message });
  };
  for (const e of doc.errors) {
    const pos = lines.linePos(e.pos[0]);
    errors.push({ file, line: pos.line, column: pos.col, severity: 'error', message: `YAML: ${e.message.split('\n')[0]}` });
  }
  if (errors.length > 0 || doc.contents === null) return { overlay, errors };
  if (!isMap(doc.contents)) {
    err(doc.contents, 'the overrides must be a map with `rules` and `playbook`');
    return { overlay, errors };
  }
  for (const pair of doc.contents.items) {
    const section = isScalar(pair.key) ? String(pair.key.value) : '';
    if (section !== 'rules' && section !== 'playbook') {
      err(pair.key as Node, `unknown section "${section}"; use \`rules\` or \`playbook\``);
      continue;
    }
    if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue;
    if (!isMap(pair.value)) {
      err(pair.value as Node, `\`${section}\` must map ids to overrides`);
      continue;
    }
    for (const item of pair.value.items) {
      const id = isScalar(item.key) ? String(item.key.value) : '';
      const line = at(item.key as Node).line;
      const value = (item.value as Node | null)?.toJSON?.() as unknown;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        err(item.value as Node, `override of "${id}" must be a map such as { enabled: false }`);
        continue;
      }
      const v = value as Record<string, unknown>;
      const allowed = section === 'rules' ? ['enabled', 'level'] : ['enabled', 'variants'];
      const extra = Object.keys(v).filter((k) => !allowed.includes(k));
      if (extra.length > 0) {
        err(item.value as Node, `"${id}": ${extra.map((k) => `\`${k}\``).join(', ')} cannot be overridden; use ${allowed.map((k) => `\`${k}\``).join(' or ')}`);
        continue;
      }
      if (v.enabled !== undefined && typeof v.enabled !== 'boolean') {
        err(item.value as Node, `"${id}": \`enabled\` must be true or false`);
        continue;
      }
      if (section === 'rules') {
        if (v.level !== undefined && !(OVERRIDE_LEVELS as readonly unknown[]).includes(v.level)) {
          err(item.value as Node, `"${id}": \`level\` must be one of ${OVERRIDE_LEVELS.join(', ')}`);
          continue;
        }
        overlay.rules.set(id, { ...(v.enabled !== undefined ? { enabled: v.enabled } : {}), ...(v.level ? { level: v.level as RuleOverride['level'] } : {}), line });
      } else {
        const variants = v.variants;
        const okVariant = (x: unknown) => typeof x === 'string' || (typeof x === 'object' && x !== null && typeof (x as { text?: unknown }).text === 'string');
        if (variants !== undefined && (!Array.isArray(variants) || variants.length === 0 || !variants.every(okVariant))) {
          err(item.value as Node, `"${id}": \`variants\` must be a non-empty list of wordings`);
          continue;
        }
        overlay.playbook.set(id, { ...(v.enabled !== undefined ? { enabled: v.enabled } : {}), ...(variants ? { variants: variants as Variant[] } : {}), line });
      }
    }
  }
  return { overlay, errors };
}

/**
 * Compile errors of a merged pack caused by an override (a rewording with an unknown slot) point
 * into a file the team lead never sees; point them at the override's line instead.
 */
export function blameOverlay(errors: readonly PackProblem[], overlay: Overlay): PackProblem[] {
  return errors.map((e) => {
    const o = e.ruleId !== undefined ? overlay.rules.get(e.ruleId) ?? overlay.playbook.get(e.ruleId) : undefined;
    return o ? { ...e, file: OVERLAY_FILE, line: o.line, column: 1 } : e;
  });
}

/**
 * The overlay text with one more override (or a changed one), written through the Document API
 * so the team lead's comments and other overrides stay as they were.
 */
export function withOverride(text: string, section: 'rules' | 'playbook', id: string, change: Omit<RuleOverride, 'line'> | Omit<PlayOverride, 'line'>): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`fix the errors in ${OVERLAY_FILE} first`);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  let map = doc.get(section, true);
  if (!isMap(map)) {
    map = new YAMLMap();
    doc.set(section, map);
  }
  (map as YAMLMap).flow = false;
  const previous = (map as YAMLMap).get(id, true);
  const merged = { ...(isMap(previous) ? (previous.toJSON() as object) : {}), ...change };
  const node = doc.createNode(merged);
  // `{ enabled: false }` on one line; wordings as a block list, one per line, never folded.
  if (isMap(node)) node.flow = section === 'rules';
  (map as YAMLMap).set(id, node);
  return doc.toString({ lineWidth: 0 });
}
