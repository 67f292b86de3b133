/**
 * What to offer while typing a pack: the closed vocabularies of the engine (categories, steps,
 * levels, scopes, slot names, tones) after their keys, match kinds under `match:`/`exceptions:`.
 * Pure (a line of text in, options out) so it is tested without an editor.
 */
import { AGENT_CATEGORIES, CUSTOMER_CATEGORIES, PLAYBOOK_STEPS, RULE_LEVELS, RULE_SCOPES, SLOT_NAMES } from '../../engine';

export interface CompletionAt {
  /** Offset in the line where the word being completed starts. */
  from: number;
  options: Array<{ label: string; detail: string }>;
}

const MATCH_KINDS = [
  { label: 'phrases', detail: 'words in order; each word matches its inflections' },
  { label: 'patterns', detail: 'compromise match syntax: {word}, (a|b), #Tag, ., *' },
  { label: 'regex', detail: 'RE2 regular expression (linear time)' },
];

const VALUES: Record<string, ReadonlyArray<string>> = {
  category: [...CUSTOMER_CATEGORIES, ...AGENT_CATEGORIES],
  step: PLAYBOOK_STEPS,
  level: RULE_LEVELS,
  scope: RULE_SCOPES,
  effect: ['add', 'amplify'],
  tone: ['warm', 'formal', 'concise'],
  channel: ['email', 'chat'],
  categories: [...CUSTOMER_CATEGORIES, 'any'],
  covered: PLAYBOOK_STEPS,
  not_covered: PLAYBOOK_STEPS,
};

const describe = (key: string) => (key === 'category' || key === 'categories' ? 'category' : key);

/**
 * @param line the text of the current line up to the cursor
 * @param above the lines above, nearest last (to see which block the cursor is in)
 */
export function completeAt(line: string, above: readonly string[] = []): CompletionAt | null {
  // A slot inside a wording: "{na" -> {name}.
  const slot = /\{([a-z_]*)$/.exec(line);
  if (slot) return { from: slot.index + 1, options: SLOT_NAMES.map((s) => ({ label: s, detail: 'slot filled from the ticket' })) };
  // key: value   or   key: [a, b, val
  const kv = /^\s*(?:-\s*)?([a-z_]+):\s*(?:\[(?:[^\]]*,\s*)?)?([a-z_]*)$/.exec(line);
  if (kv && VALUES[kv[1]!]) {
    return { from: line.length - kv[2]!.length, options: VALUES[kv[1]!]!.map((v) => ({ label: v, detail: describe(kv[1]!) })) };
  }
  // A key being typed right under match: or exceptions:
  const key = /^(\s+)([a-z]*)$/.exec(line);
  if (key) {
    const indent = key[1]!.length;
    const parent = [...above].reverse().find((l) => l.trim() !== '' && /^\s*/.exec(l)![0].length < indent);
    if (parent && /^\s*(match|exceptions):\s*$/.test(parent)) return { from: indent, options: MATCH_KINDS };
  }
  return null;
}
