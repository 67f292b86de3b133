/**
 * Patterns: a subset of compromise's match syntax, compiled to token terms that the engine
 * matches itself in one pass. Supported: words, `{word}` (any inflection), `(a|b|c)`,
 * `.` (one word), `*` (up to MAX_STAR words), `#Tag`, a `?` suffix (optional), `^` / `$`
 * (sentence start / end). `/regex/` terms are refused: they backtrack; use a `regex` matcher.
 */
import { phraseWords } from '../text/tokenize';
import { inflections, KNOWN_TAGS } from './inflect';

export const MAX_STAR = 6;

export type Term =
  | { kind: 'words'; words: ReadonlySet<string>; optional: boolean; tags?: string[]; multi?: string[][] }
  | { kind: 'tag'; tag: string; optional: boolean }
  | { kind: 'any'; optional: boolean }
  | { kind: 'star' };

export interface ParsedPattern {
  terms: Term[];
  anchorStart: boolean;
  anchorEnd: boolean;
  /** Tags other than the cheap ones need compromise to confirm a candidate match. */
  needsConfirmation: boolean;
}

export class PatternError extends Error {
  constructor(
    message: string,
    /** Character offset of the problem inside the pattern. */
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Tags the engine decides on its own, from the token and a small word list. */
export const CHEAP_TAGS = new Set(['Value', 'Cardinal', 'Negative', 'Emoji', 'Caps', 'Pronoun', 'Determiner', 'Preposition', 'Possessive']);

/**
 * One shared, read-only set per word and mode: packs repeat the same words thousands of times.
 * One map per mode, keyed by the word itself, so a lookup builds no key string.
 */
type FormMode = 'forced' | 'inflect' | 'exact';
const formSets: Record<FormMode, Map<string, ReadonlySet<string>>> = { forced: new Map(), inflect: new Map(), exact: new Map() };
const FORM_SETS_LIMIT = 100_000;
/** The term of a phrase word, shared like its set (terms are read-only once compiled). */
const phraseTerms: Record<'inflect' | 'exact', Map<string, Term>> = { inflect: new Map(), exact: new Map() };
const EMPTY: ReadonlySet<string> = new Set();

function formSet(word: string, inflect: boolean, forced = false): ReadonlySet<string> {
  const mode: FormMode = forced ? 'forced' : inflect ? 'inflect' : 'exact';
  const sets = formSets[mode];
  let set = sets.get(word);
  if (!set) {
    set = new Set(mode === 'exact' ? [word] : inflections(word, forced));
    if (sets.size >= FORM_SETS_LIMIT) sets.clear();
    sets.set(word, set);
  }
  return set;
}

function phraseTerm(word: string, inflect: boolean): Term {
  const terms = phraseTerms[inflect ? 'inflect' : 'exact'];
  let term = terms.get(word);
  if (!term) {
    term = { kind: 'words', words: formSet(word, inflect), optional: false };
    if (terms.size >= FORM_SETS_LIMIT) terms.clear();
    terms.set(word, term);
  }
  return term;
}

function wordForms(raw: string, offset: number, inflect: boolean): ReadonlySet<string> {
  let forced = false;
  let text = raw;
  if (text.startsWith('{') && text.endsWith('}')) {
    forced = true;
    text = text.slice(1, -1);
  } else if (/[{}]/.test(text)) {
    throw new PatternError(`"${raw}": braces must wrap one whole word, like {wait}`, offset);
  }
  return singleWordForms(raw, phraseWords(text), offset, inflect, forced);
}

/** The forms of a term whose text tokenized to `words`, which must be exactly one word. */
function singleWordForms(raw: string, words: string[], offset: number, inflect: boolean, forced: boolean): ReadonlySet<string> {
  if (words.length === 0) throw new PatternError(`"${raw}" has no letters or digits; patterns match words (use a regex for symbols)`, offset);
  if (words.length !== 1) {
    throw new PatternError(`"${raw}" is not a single word; write words as separate terms`, offset);
  }
  return formSet(words[0]!, inflect, forced);
}

/** Words of a multi-word alternative, matched literally, in order. */
function multiWordAlternative(alt: string, words: string[], offset: number): string[] {
  if (/[#{}.*?]/.test(alt)) throw new PatternError(`"${alt}": a multi-word alternative may only contain plain words`, offset);
  if (words.length > 6) throw new PatternError(`"${alt}": a multi-word alternative may have at most 6 words`, offset);
  return words;
}

export function parsePattern(source: string, inflect = false): ParsedPattern {
  if (source.length > 2000) throw new PatternError('pattern is longer than 2000 characters', 0);
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 40 /* ( */ && ++depth > 1) throw new PatternError('alternatives cannot be nested: "(a (b|c))" is not supported; write several patterns instead', i);
    if (c === 41 /* ) */) depth = Math.max(0, depth - 1);
  }
  const terms: Term[] = [];
  let anchorStart = false;
  let anchorEnd = false;
  let needsConfirmation = false;
  const re = /\^?\([^()]*\)\S*|\S+/g;
  const parts: Array<{ text: string; offset: number }> = [];
  for (let m = re.exec(source); m; m = re.exec(source)) parts.push({ text: m[0], offset: m.index });
  // A lone "^" or "$" ("^ die", "done $") anchors the term next to it.
  if (parts.length > 1 && parts[0]!.text === '^') {
    const next = parts[1]!;
    parts.splice(0, 2, { text: `^${next.text}`, offset: parts[0]!.offset });
  }
  if (parts.length > 1 && parts[parts.length - 1]!.text === '$') {
    parts.pop();
    parts[parts.length - 1]!.text += '$';
  }
  if (parts.length === 0) throw new PatternError('pattern is empty', 0);
  if (parts.length > 12) throw new PatternError('pattern has more than 12 terms', 0);

  parts.forEach((part, index) => {
    let text = part.text;
    const at = part.offset;
    if (text.startsWith('/')) {
      throw new PatternError('regular expressions are not allowed in patterns (they backtrack); use a `regex` matcher instead', at);
    }
    if (text.startsWith('^')) {
      if (index !== 0) throw new PatternError('^ can only start the first term', at);
      anchorStart = true;
      text = text.slice(1);
    }
    if (text.endsWith('$')) {
      if (index !== parts.length - 1) throw new PatternError('$ can only end the last term', at);
      anchorEnd = true;
      text = text.slice(0, -1);
    }
    let optional = false;
    if (text.endsWith('?') && text.length > 1) {
      optional = true;
      text = text.slice(0, -1);
    }
    if (text === '*') {
      terms.push({ kind: 'star' });
    } else if (text === '.') {
      terms.push({ kind: 'any', optional });
    } else if (text.startsWith('#')) {
      const tag = text.slice(1);
      if (!KNOWN_TAGS.has(tag) && !CHEAP_TAGS.has(tag)) throw new PatternError(`unknown tag #${tag}`, at);
      if (!CHEAP_TAGS.has(tag)) needsConfirmation = true;
      terms.push({ kind: 'tag', tag, optional });
    } else if (text.startsWith('(')) {
      if (!text.endsWith(')')) throw new PatternError(`"${part.text}": alternatives must close with ) in the same term, e.g. (late|delayed)`, at);
      const alts = text.slice(1, -1).split('|');
      if (alts.some((a) => a.trim() === '')) throw new PatternError(`"${part.text}" has an empty alternative`, at);
      const words = new Set<string>();
      const tags: string[] = [];
      const multi: string[][] = [];
      for (const rawAlt of alts) {
        const alt = rawAlt.trim();
        if (!/[\s#{}]/.test(alt)) {
          // The common case, tokenized once: a word, or "1-star" / "charge-back" (the tokenizer
          // splits at hyphens), which is a multi-word alternative.
          const altWords = phraseWords(alt);
          if (altWords.length > 1) multi.push(multiWordAlternative(alt, altWords, at));
          else for (const f of singleWordForms(alt, altWords, at, inflect, false)) words.add(f);
        } else if (/\s/.test(alt)) {
          // "small claims"
          multi.push(multiWordAlternative(alt, phraseWords(alt), at));
        } else if (alt.startsWith('#')) {
          const tag = alt.slice(1);
          if (!KNOWN_TAGS.has(tag) && !CHEAP_TAGS.has(tag)) throw new PatternError(`unknown tag #${tag}`, at);
          if (!CHEAP_TAGS.has(tag)) needsConfirmation = true;
          tags.push(tag);
        } else for (const f of wordForms(alt, at, inflect)) words.add(f);
      }
      const term: Term = { kind: 'words', words, optional };
      if (tags.length > 0) term.tags = tags;
      if (multi.length > 0) term.multi = multi;
      terms.push(term);
    } else if (/^[!~+[\]<>@%]/.test(text) || /[[\]|()]/.test(text)) {
      throw new PatternError(`"${part.text}" uses syntax this engine does not support; see rules/README.md`, at);
    } else if (/[{}]/.test(text)) {
      terms.push({ kind: 'words', words: wordForms(text, at, inflect), optional });
    } else {
      const seq = phraseWords(text);
      // A hyphenated or dotted term ("1-star", "e-mail") is its words in a row.
      if (seq.length > 1) terms.push({ kind: 'words', words: EMPTY, optional, multi: [seq] });
      else terms.push({ kind: 'words', words: singleWordForms(text, seq, at, inflect, false), optional });
    }
  });
  if (terms.every((t) => t.kind === 'star' || ('optional' in t && t.optional))) {
    throw new PatternError('pattern needs at least one required word or tag', 0);
  }
  return { terms, anchorStart, anchorEnd, needsConfirmation };
}

/** A phrase is a pattern of plain words, each inflected unless the rule says not to. */
export function phraseToPattern(phrase: string, inflect: boolean): ParsedPattern {
  const words = phraseWords(phrase);
  if (words.length === 0) throw new PatternError('phrase has no words', 0);
  if (words.length > 12) throw new PatternError('phrase has more than 12 words', 0);
  return {
    terms: words.map((w) => phraseTerm(w, inflect)),
    anchorStart: false,
    anchorEnd: false,
    needsConfirmation: false,
  };
}
