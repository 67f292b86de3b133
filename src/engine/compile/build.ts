/**
 * compilePack: files in, a CompiledPack or every error (file:line:column) out.
 * parse -> validate against the schema -> check rules (ids, scopes, patterns, regexes)
 * -> expand phrases -> index matchers for one pass. Nothing in a pack is ever evaluated as code.
 */
import { RE2JS } from 're2js';
import type { ScoringSettings } from '../types';
import { AGENT_CATEGORIES, CUSTOMER_CATEGORIES, type RuleCategory, type RuleLevel, type RuleScope } from '../vocabulary';
import type { CompiledPack, CompiledRule, FirstWordEntry, MatcherSet, RegexMatcher, RuleExample, Sequence } from './compiled';
import type { PackError } from './errors';
import { idPositions, locate, parseYamlFile, type ParsedFile, type Segment } from './parse';
import { parsePattern, PatternError, phraseToPattern, type ParsedPattern } from './pattern';
import { compilePlay, type CompiledPlay, type RawPlay } from './playbook';
import { validateManifest, validateRuleFile } from './validate';

export interface PackFile {
  /** Path shown in errors, e.g. rules/en-default/delay.yaml. */
  path: string;
  text: string;
}

export type CompileResult =
  | { ok: true; pack: CompiledPack; warnings: PackError[] }
  | { ok: false; errors: PackError[]; warnings: PackError[] };

export const PACK_LIMITS = { files: 200, totalChars: 4 * 1024 * 1024, rules: 2000, sequences: 50_000 };

const DEFAULT_SCORING: ScoringSettings = {
  scale: 1,
  complaintThreshold: 0.4,
  frustrationThresholds: [0.2, 0.45, 0.65, 0.85],
  repeatFactor: 0.3,
};

interface RawMatchers { phrases?: string[]; patterns?: string[]; regex?: string[] }
type RawExample = string | { text: string; cue?: string };
interface RawRule {
  id: string; category: RuleCategory; level?: RuleLevel; scope?: RuleScope; weight?: number;
  effect?: 'add' | 'amplify'; boundary?: boolean; profanity?: boolean; negatable?: boolean; inflect?: boolean;
  reason: string; match: RawMatchers; exceptions?: RawMatchers; advice?: string; rewrite?: string;
  examples: { match: RawExample[]; no_match?: RawExample[] };
}
interface RawManifest {
  id: string; version: string; locale: string; description: string;
  scoring?: { scale?: number; complaint_threshold?: number; frustration_thresholds?: number[]; repeat_factor?: number };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function emptySet(): MatcherSet {
  return { sequences: [], byFirstWord: new Map(), scanAll: [], regexes: [], regexGroups: [] };
}

const REGEX_GROUP_SIZE = 8;

/** Group a set's regexes behind combined prefilters (each member keeps its own flags in its group). */
function groupRegexes(set: MatcherSet): void {
  for (let i = 0; i < set.regexes.length; i += REGEX_GROUP_SIZE) {
    const members = set.regexes.slice(i, i + REGEX_GROUP_SIZE).map((_, k) => i + k);
    let any: RE2JS | null = null;
    try {
      any = RE2JS.compile(members.map((m) => `(?:${set.regexes[m]!.source})`).join('|'), RE2JS.MULTILINE);
    } catch {
      any = null; // members are still run one by one
    }
    set.regexGroups.push({ any, members });
  }
}

type Terms = ParsedPattern['terms'];

/**
 * How many tokens a match can start with from term `i` on (skipping optional terms): -1 when a
 * tag or wildcard can start it.
 */
function startCount(terms: Terms, i: number): number {
  let n = 0;
  for (let t = i; t < terms.length; t++) {
    const term = terms[t]!;
    if (term.kind !== 'words' || term.tags) return -1;
    n += term.words.size + (term.multi?.length ?? 0);
    if (!term.optional) return n;
  }
  return n; // every remaining term optional: the match may also end here
}

/**
 * Visits the tokens startCount() counts: each word, with the index of the term after it and, for
 * a multi-word alternative, the word that must follow. Call only when startCount() is not -1.
 */
function forEachStart(terms: Terms, i: number, visit: (word: string, next: number, second: string | undefined) => void): void {
  for (let t = i; t < terms.length; t++) {
    const term = terms[t]!;
    if (term.kind !== 'words') return;
    for (const w of term.words) visit(w, t + 1, undefined);
    for (const seq of term.multi ?? []) visit(seq[0]!, t + 1, seq[1]);
    if (!term.optional) return;
  }
}

/** Keys beyond this many per sequence are not worth it: index by the first word alone. */
const MAX_PAIR_KEYS = 4000;

/** True when every term from `i` on is optional, so a match may end before term `i`. */
function restOptional(terms: Terms, i: number): boolean {
  for (let t = i; t < terms.length; t++) {
    const term = terms[t]!;
    if (term.kind === 'star' || !term.optional) return false;
  }
  return true;
}

function entryFor(set: MatcherSet, word: string): FirstWordEntry {
  let entry = set.byFirstWord.get(word);
  if (!entry) {
    entry = { bySecondWord: new Map(), any: [] };
    set.byFirstWord.set(word, entry);
  }
  return entry;
}

function addPair(entry: FirstWordEntry, second: string, index: number): void {
  const list = entry.bySecondWord.get(second);
  if (list) list.push(index);
  else entry.bySecondWord.set(second, [index]);
}

/**
 * Index `seq` by (first word, second word) pairs, or by its first word alone (`any`) when the
 * second token is not known (a tag or wildcard next, or the match may end after one word). False
 * when the match can start with any word: it is then tried at every token.
 * Keys go straight into the maps, with no list of pairs first: packs have tens of thousands.
 */
function addSequence(set: MatcherSet, seq: Sequence): boolean {
  const index = set.sequences.length;
  set.sequences.push(seq);
  const terms = seq.terms;
  if (startCount(terms, 0) <= 0) {
    set.scanAll.push(index);
    return false;
  }
  let keys = 0;
  // Every word of one term has the same next term, so its second words are counted once.
  let secondsFor = -1;
  let seconds = 0;
  let mayEnd = false;
  forEachStart(terms, 0, (word, next, second) => {
    const entry = entryFor(set, word);
    if (second !== undefined) {
      addPair(entry, second, index);
      keys++;
      return;
    }
    if (next !== secondsFor) {
      secondsFor = next;
      seconds = next < terms.length ? startCount(terms, next) : 0;
      mayEnd = restOptional(terms, next);
    }
    if (seconds <= 0 || mayEnd || keys + seconds > MAX_PAIR_KEYS) {
      entry.any.push(index);
      keys++;
    } else {
      forEachStart(terms, next, (w2) => addPair(entry, w2, index));
      keys += seconds;
    }
  });
  return true;
}

/** Spelled out rather than spread: one object shape for every sequence, built without a copy loop. */
function toSequence(p: ParsedPattern, rule: number, exception: boolean, source: string): Sequence {
  return { terms: p.terms, anchorStart: p.anchorStart, anchorEnd: p.anchorEnd, needsConfirmation: p.needsConfirmation, rule, exception, source };
}

function examplesOf(file: ParsedFile, ruleIndex: number, key: 'match' | 'no_match', raw: RawExample[] | undefined): RuleExample[] {
  return (raw ?? []).map((ex, i) => {
    const text = typeof ex === 'string' ? ex : ex.text;
    const cue = typeof ex === 'string' ? undefined : ex.cue;
    return { text, ...(cue !== undefined ? { cue } : {}), file: file.path, where: () => locate(file, ['rules', ruleIndex, 'examples', key, i]) };
  });
}

export function compilePack(files: readonly PackFile[]): CompileResult {
  const errors: PackError[] = [];
  const warnings: PackError[] = [];
  const fail = (): CompileResult => ({ ok: false, errors, warnings });
  const packError = (file: string, message: string) => errors.push({ file, line: 0, column: 0, severity: 'error', message });

  const yamlFiles = [...files].filter((f) => /\.ya?ml$/i.test(f.path)).sort((a, b) => a.path.localeCompare(b.path));
  if (yamlFiles.length > PACK_LIMITS.files) {
    packError(yamlFiles[0]?.path ?? 'pack', `a pack may have at most ${PACK_LIMITS.files} files (found ${yamlFiles.length})`);
    return fail();
  }
  const totalChars = yamlFiles.reduce((n, f) => n + f.text.length, 0);
  if (totalChars > PACK_LIMITS.totalChars) {
    packError(yamlFiles[0]?.path ?? 'pack', `the pack is larger than ${PACK_LIMITS.totalChars / 1024 / 1024} MB of YAML`);
    return fail();
  }
  const manifests = yamlFiles.filter((f) => /^pack\.ya?ml$/i.test(baseName(f.path)));
  if (manifests.length !== 1) {
    packError(manifests[1]?.path ?? 'pack.yaml', manifests.length === 0 ? 'the pack has no pack.yaml (id, version, locale, description)' : 'the pack has more than one pack.yaml');
    return fail();
  }

  const manifestFile = parseYamlFile(manifests[0]!.path, manifests[0]!.text, errors);
  if (manifestFile) validateManifest(manifestFile, errors);

  const rules: CompiledRule[] = [];
  const customer = emptySet();
  const agent = emptySet();
  const firstSeen = new Map<string, string>();
  const playbook: CompiledPlay[] = [];

  for (const f of yamlFiles) {
    if (f === manifests[0]) continue;
    const parsed = parseYamlFile(f.path, f.text, errors);
    if (!parsed || !validateRuleFile(parsed, errors)) continue;
    const content = parsed.value as { rules?: RawRule[]; playbook?: RawPlay[] };
    const ids = idPositions(parsed);
    (content.playbook ?? []).forEach((raw, i) => {
      const pos = ids.get(raw.id) ?? locate(parsed, ['playbook', i]);
      const previous = firstSeen.get(raw.id);
      const err = (path: Segment[], message: string) => {
        const at = locate(parsed, ['playbook', i, ...path]);
        errors.push({ file: f.path, line: at.line, column: at.column, severity: 'error', message, ruleId: raw.id });
      };
      if (previous) {
        err(['id'], `duplicate id "${raw.id}" (first defined at ${previous})`);
        return;
      }
      firstSeen.set(raw.id, `${f.path}:${pos.line}`);
      const play = compilePlay(raw, f.path, pos.line, err);
      if (play) playbook.push(play);
    });
    const rawRules = content.rules ?? [];
    rawRules.forEach((raw, ruleIndexInFile) => {
      const at = (path: Segment[], key = false) => locate(parsed, ['rules', ruleIndexInFile, ...path], key);
      const err = (path: Segment[], message: string) => {
        const pos = at(path);
        errors.push({ file: f.path, line: pos.line, column: pos.column, severity: 'error', message, ruleId: raw.id });
      };
      const rulePos = ids.get(raw.id) ?? at([]);
      const where = `${f.path}:${rulePos.line}`;
      const previous = firstSeen.get(raw.id);
      if (previous) {
        err(['id'], `duplicate rule id "${raw.id}" (first defined at ${previous})`);
        return;
      }
      firstSeen.set(raw.id, where);
      const scope: RuleScope = raw.scope ?? 'customer';
      const allowed: readonly string[] = scope === 'customer' ? CUSTOMER_CATEGORIES : AGENT_CATEGORIES;
      if (!allowed.includes(raw.category)) {
        err(['category'], `category "${raw.category}" is for ${scope === 'customer' ? 'agent' : 'customer'}-scope rules; with scope ${scope} use one of: ${allowed.join(', ')}`);
        return;
      }
      if (rules.length >= PACK_LIMITS.rules) {
        err([], `a pack may have at most ${PACK_LIMITS.rules} rules`);
        return;
      }
      const index = rules.length;
      const set = scope === 'customer' ? customer : agent;
      const inflect = raw.inflect ?? true;
      const before = errors.length;
      const pending: Sequence[] = [];
      const regexes: RegexMatcher[] = [];
      const compileMatchers = (m: RawMatchers | undefined, group: 'match' | 'exceptions') => {
        if (!m) return;
        const exception = group === 'exceptions';
        (m.phrases ?? []).forEach((phrase, i) => {
          try {
            pending.push(toSequence(phraseToPattern(phrase, inflect), index, exception, phrase));
          } catch (e) {
            err([group, 'phrases', i], `phrase "${phrase}": ${(e as Error).message}`);
          }
        });
        (m.patterns ?? []).forEach((pattern, i) => {
          try {
            pending.push(toSequence(parsePattern(pattern), index, exception, pattern));
          } catch (e) {
            const where = e instanceof PatternError ? ` (at character ${e.offset + 1})` : '';
            err([group, 'patterns', i], `pattern "${pattern}": ${(e as Error).message}${where}`);
          }
        });
        (m.regex ?? []).forEach((source, i) => {
          try {
            const re = RE2JS.compile(source, RE2JS.MULTILINE);
            if (re.matches('')) {
              err([group, 'regex', i], `regex "${source}" matches empty text; it would fire everywhere`);
              return;
            }
            regexes.push({ rule: index, exception, re, source });
          } catch (e) {
            err([group, 'regex', i], `regex "${source}" is not valid RE2 syntax: ${(e as Error).message}`);
          }
        });
      };
      compileMatchers(raw.match, 'match');
      compileMatchers(raw.exceptions, 'exceptions');
      if (errors.length > before) return;
      if (set.sequences.length + pending.length > PACK_LIMITS.sequences) {
        err(['match'], `the pack expands to more than ${PACK_LIMITS.sequences} phrases and patterns`);
        return;
      }
      for (const seq of pending) {
        if (!addSequence(set, seq)) {
          const pos = at(['match']);
          warnings.push({ file: f.path, line: pos.line, column: pos.column, severity: 'warning', ruleId: raw.id,
            message: `"${seq.source}" starts with a tag or wildcard, so it is tried at every word; start it with a word to keep analysis fast` });
        }
      }
      set.regexes.push(...regexes);
      rules.push({
        index, id: raw.id, category: raw.category, level: raw.level ?? 'suggestion', scope, reason: raw.reason.trim(),
        weight: raw.weight ?? 0.5, effect: raw.effect ?? 'add', boundary: raw.boundary ?? false,
        profanity: raw.profanity ?? false, negatable: raw.negatable ?? true,
        ...(raw.advice ? { advice: raw.advice.trim() } : {}), ...(raw.rewrite ? { rewrite: raw.rewrite.trim() } : {}),
        file: f.path, line: rulePos.line, column: rulePos.column,
        examples: { match: examplesOf(parsed, ruleIndexInFile, 'match', raw.examples.match), noMatch: examplesOf(parsed, ruleIndexInFile, 'no_match', raw.examples.no_match) },
      });
    });
  }

  if (errors.length > 0 || !manifestFile) return fail();
  groupRegexes(customer);
  groupRegexes(agent);
  const manifest = manifestFile.value as RawManifest;
  const s = manifest.scoring ?? {};
  const thresholds = (s.frustration_thresholds ?? DEFAULT_SCORING.frustrationThresholds) as [number, number, number, number];
  if (thresholds.some((t, i) => i > 0 && t < thresholds[i - 1]!)) {
    const pos = locate(manifestFile, ['scoring', 'frustration_thresholds']);
    errors.push({ file: manifestFile.path, line: pos.line, column: pos.column, severity: 'error', message: '`frustration_thresholds` must be in ascending order' });
    return fail();
  }
  if (rules.length === 0 && playbook.length === 0) warnings.push({ file: manifestFile.path, line: 0, column: 0, severity: 'warning', message: 'the pack has no rules' });
  const fingerprint = yamlFiles.reduce((h, f) => fnv1a(f.text, fnv1a(f.path, h)), 0x811c9dc5).toString(16);
  return {
    ok: true,
    warnings,
    pack: {
      meta: { id: manifest.id, version: manifest.version, locale: manifest.locale, description: manifest.description.trim() },
      scoring: {
        scale: s.scale ?? DEFAULT_SCORING.scale,
        complaintThreshold: s.complaint_threshold ?? DEFAULT_SCORING.complaintThreshold,
        frustrationThresholds: thresholds,
        repeatFactor: s.repeat_factor ?? DEFAULT_SCORING.repeatFactor,
      },
      rules, byId: new Map(rules.map((r) => [r.id, r])), customer, agent, playbook,
      files: yamlFiles.map((f) => f.path),
      fingerprint,
    },
  };
}
