/** The compiled, ready-to-match form of a rule pack. Built once; analysis only reads it. */
import type { RE2JS } from 're2js';
import type { PackMeta, ScoringSettings } from '../types';
import type { RuleCategory, RuleLevel, RuleScope } from '../vocabulary';
import type { ParsedPattern } from './pattern';
import type { CompiledPlay } from './playbook';

export interface RuleExample {
  text: string;
  /** Exact words the rule must highlight, when given. */
  cue?: string;
  file: string;
  /** Where the example is written (worked out on demand: only failures need it). */
  where(): { line: number; column: number };
}

export interface CompiledRule {
  index: number;
  id: string;
  category: RuleCategory;
  level: RuleLevel;
  scope: RuleScope;
  reason: string;
  weight: number;
  effect: 'add' | 'amplify';
  boundary: boolean;
  profanity: boolean;
  negatable: boolean;
  /** Agent-scope rules: what the draft coach says, and a better wording. */
  advice?: string;
  rewrite?: string;
  file: string;
  line: number;
  column: number;
  examples: { match: RuleExample[]; noMatch: RuleExample[] };
}

/** One token sequence to look for: a phrase or a pattern, of a rule or of its exceptions. */
export interface Sequence extends ParsedPattern {
  rule: number;
  exception: boolean;
  source: string;
}

export interface RegexMatcher {
  rule: number;
  exception: boolean;
  re: RE2JS;
  source: string;
}

export interface FirstWordEntry {
  bySecondWord: Map<string, number[]>;
  any: number[];
}

/** All matchers of one scope, indexed for a single pass over the tokens. */
export interface MatcherSet {
  sequences: Sequence[];
  /**
   * Sequence indices by a word their first term can match, then by the word their second term
   * must match (`any`: second term is not a plain required word). Two words of lookup keep the
   * candidates per token few even when thousands of phrases start with "I" or "you".
   */
  byFirstWord: Map<string, FirstWordEntry>;
  /** Sequences that can start with any word (tag, wildcard first): tried at every token. */
  scanAll: number[];
  regexes: RegexMatcher[];
  /**
   * Regexes in groups, each with one combined regex: a single linear-time pass tells whether any
   * member can match, so the members of a silent group are never run one by one.
   */
  regexGroups: Array<{ any: RE2JS | null; members: number[] }>;
}

export interface CompiledPack {
  meta: PackMeta;
  scoring: ScoringSettings;
  rules: CompiledRule[];
  byId: Map<string, CompiledRule>;
  customer: MatcherSet;
  agent: MatcherSet;
  /** Wording for the playbook steps, in file order. */
  playbook: CompiledPlay[];
  /** Files the pack was compiled from, in order. */
  files: string[];
  /** Identity for caches: changes whenever the pack content changes. */
  fingerprint: string;
}
