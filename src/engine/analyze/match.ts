/**
 * One pass over a message's tokens: every phrase and pattern of a scope is looked up by the word
 * it starts with, then matched term by term inside one sentence. Regexes run on the text of the
 * active ranges only. Tag terms beyond the cheap ones are confirmed with compromise, and only on
 * sentences where everything else already matched.
 */
import nlp from 'compromise';
import type { MatcherSet, Sequence } from '../compile/compiled';
import { lexiconTags } from '../compile/inflect';
import { MAX_STAR, type Term } from '../compile/pattern';
import type { Token } from '../text/tokenize';
import type { RuleBudget } from './budget';

export interface Hit {
  rule: number;
  exception: boolean;
  start: number;
  end: number;
  sentence: number;
  /** Index of the first token inside the hit (tokens.length when none). */
  firstToken: number;
  source: string;
}

const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'a', 'an', 'several', 'few', 'couple', 'many',
]);
export const NEGATORS = new Set([
  'not', 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor', 'without', 'hardly', "don't",
  "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "haven't", "hasn't", "hadn't", "won't",
  "wouldn't", "can't", "couldn't", "shouldn't", "ain't", "mustn't", "needn't",
]);

function tokenHas(token: Token, words: ReadonlySet<string>): boolean {
  if (words.has(token.norm)) return true;
  if (token.alts) for (const a of token.alts) if (words.has(a)) return true;
  return false;
}

function tokenIs(token: Token, word: string): boolean {
  return token.norm === word || (token.alts?.includes(word) ?? false);
}

function cheapTag(token: Token, tag: string): boolean | null {
  switch (tag) {
    case 'Value': case 'Cardinal':
      return token.kind === 'number' || NUMBER_WORDS.has(token.norm);
    case 'Negative':
      return NEGATORS.has(token.norm);
    case 'Emoji':
      return token.kind === 'emoji';
    case 'Caps':
      return token.caps; // written in capitals: shouting
    case 'Pronoun': case 'Determiner': case 'Preposition': case 'Possessive':
      return lexiconTags(token.norm).has(tag);
    default:
      return null; // needs compromise
  }
}

/** Calls of matchFrom so far: the work of matching, which the time budget shares out between rules. */
let steps = 0;

/** End token index (exclusive) of a match of terms[ti..] starting at token pos, or -1. */
function matchFrom(terms: Term[], ti: number, tokens: Token[], pos: number, limit: number, anchorEnd: boolean): number {
  steps++;
  if (ti === terms.length) return anchorEnd && pos !== limit ? -1 : pos;
  const term = terms[ti]!;
  if (term.kind === 'star') {
    for (let n = 0; n <= MAX_STAR && pos + n <= limit; n++) {
      const end = matchFrom(terms, ti + 1, tokens, pos + n, limit, anchorEnd);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (term.kind === 'words' && term.multi) {
    for (const seq of term.multi) {
      if (pos + seq.length > limit) continue;
      let ok = true;
      for (let k = 0; k < seq.length && ok; k++) ok = tokenIs(tokens[pos + k]!, seq[k]!);
      if (!ok) continue;
      const end = matchFrom(terms, ti + 1, tokens, pos + seq.length, limit, anchorEnd);
      if (end >= 0) return end;
    }
  }
  if (pos < limit) {
    const token = tokens[pos]!;
    let ok: boolean;
    if (term.kind === 'words') ok = tokenHas(token, term.words) || (term.tags?.some((t) => cheapTag(token, t) ?? true) ?? false);
    else if (term.kind === 'any') ok = true;
    else ok = cheapTag(token, term.tag) ?? true;
    if (ok) {
      const end = matchFrom(terms, ti + 1, tokens, pos + 1, limit, anchorEnd);
      if (end >= 0) return end;
    }
  }
  if (term.optional) return matchFrom(terms, ti + 1, tokens, pos, limit, anchorEnd);
  return -1;
}

/** compromise's own syntax for a parsed pattern, used to confirm tag terms in context. */
function toCompromise(seq: Sequence): string {
  const parts = seq.terms.map((t) => {
    if (t.kind === 'star') return '*';
    const opt = t.optional ? '?' : '';
    if (t.kind === 'any') return `.${opt}`;
    if (t.kind === 'tag') return `#${t.tag}${opt}`;
    const words = [...t.words, ...(t.multi ?? []).map((seq) => seq.join(' '))].map((w) => w.replace(/[^\p{L}\p{N}' -]/gu, '')).filter(Boolean);
    return `(${[...words, ...(t.tags ?? []).map((tag) => `#${tag}`)].join('|')})${opt}`;
  });
  return `${seq.anchorStart ? '^' : ''}${parts.join(' ')}${seq.anchorEnd ? '$' : ''}`;
}

type Doc = ReturnType<typeof nlp>;

function confirmWithCompromise(
  docs: Map<number, Doc>, seq: Sequence, text: string, sentenceStart: number, sentenceEnd: number, start: number, end: number, budget: RuleBudget | null,
): boolean {
  const t0 = budget ? budget.clock() : 0;
  // One tagged document per sentence, however many patterns ask about it.
  let doc = docs.get(sentenceStart);
  if (!doc) {
    doc = nlp(text.slice(sentenceStart, sentenceEnd));
    docs.set(sentenceStart, doc);
  }
  const t1 = budget ? budget.clock() : 0;
  const found = doc.match(toCompromise(seq)).json({ offset: true }) as Array<{ offset?: { start: number; length: number } }>;
  if (budget) {
    // Tagging the sentence is shared work: only the rule's own matching is charged to it.
    const t2 = budget.clock();
    budget.leaveOutOfPass(t2 - t0);
    if (!budget.charge(seq.rule, t2 - t1)) return false;
  }
  return found.some((m) => {
    if (!m.offset) return false;
    const a = sentenceStart + m.offset.start;
    const b = a + m.offset.length;
    return a < end && b > start;
  });
}

export function matchSequences(text: string, tokens: Token[], set: MatcherSet, budget: RuleBudget | null = null): Hit[] {
  const hits: Hit[] = [];
  if (tokens.length === 0) return hits;
  const skip = budget?.skip;
  budget?.startPass();
  // Sentence boundaries as token index ranges.
  const sentenceEndIdx: number[] = [];
  const sentenceStartIdx: number[] = [];
  tokens.forEach((t, i) => {
    if (sentenceStartIdx[t.sentence] === undefined) sentenceStartIdx[t.sentence] = i;
    sentenceEndIdx[t.sentence] = i + 1;
  });
  const candidates: number[] = [];
  const docs = new Map<number, Doc>();
  // Stamp per sequence: the token index it was last tried at (dedupes candidates without sorting).
  const tried = new Int32Array(set.sequences.length).fill(-1);
  const collect = (list: number[] | undefined, i: number) => {
    if (!list) return;
    for (const si of list) {
      if (tried[si] === i) continue;
      tried[si] = i;
      candidates.push(si);
    }
  };
  const collectWord = (word: string, i: number, next: Token | undefined) => {
    const entry = set.byFirstWord.get(word);
    if (!entry) return;
    collect(entry.any, i);
    if (next && next.sentence === tokens[i]!.sentence) {
      collect(entry.bySecondWord.get(next.norm), i);
      if (next.alts) for (const a of next.alts) collect(entry.bySecondWord.get(a), i);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    candidates.length = 0;
    collectWord(token.norm, i, next);
    if (token.alts) for (const a of token.alts) collectWord(a, i, next);
    collect(set.scanAll, i);
    if (candidates.length === 0) continue;
    const limit = sentenceEndIdx[token.sentence]!;
    const isSentenceStart = sentenceStartIdx[token.sentence] === i;
    for (const si of candidates) {
      const seq = set.sequences[si]!;
      if (seq.anchorStart && !isSentenceStart) continue;
      if (skip && skip[seq.rule]) continue;
      const before = steps;
      const endIdx = matchFrom(seq.terms, 0, tokens, i, limit, seq.anchorEnd);
      if (budget && budget.addSteps(seq.rule, steps - before)) continue;
      if (endIdx <= i) continue;
      const start = token.start;
      const end = tokens[endIdx - 1]!.end;
      if (seq.needsConfirmation) {
        const sStart = tokens[sentenceStartIdx[token.sentence]!]!.start;
        const sEnd = tokens[limit - 1]!.end;
        if (!confirmWithCompromise(docs, seq, text, sStart, sEnd, start, end, budget)) continue;
      }
      hits.push({ rule: seq.rule, exception: seq.exception, start, end, sentence: token.sentence, firstToken: i, source: seq.source });
    }
  }
  budget?.endPass();
  return hits;
}

/** Index of the first token that starts at or after `offset` (binary search). */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Non-blank lines of the view, each with its text, so a regex's slow match-finding runs only where it matches. */
interface ViewLine {
  start: number;
  text: string;
}

function viewLines(view: string): ViewLine[] {
  const lines: ViewLine[] = [];
  let start = 0;
  for (let i = 0; i <= view.length; i++) {
    if (i === view.length || view.charCodeAt(i) === 10) {
      const text = view.slice(start, i);
      if (text.trim() !== '') lines.push({ start, text });
      start = i + 1;
    }
  }
  return lines;
}

/**
 * Regexes run line by line: a fast linear-time test on the whole view (and per group), then on
 * each line, and the slower match-finding only on lines that match. Anchors ^ and $ therefore
 * mean the start and end of a line. With a budget, each regex is timed (see budget.ts).
 */
export function matchRegexes(view: string, tokens: Token[], set: MatcherSet, budget: RuleBudget | null = null): Hit[] {
  const hits: Hit[] = [];
  let lines: ViewLine[] | null = null;
  const linesOfView = () => (lines ??= viewLines(view));
  // One clock reading between two pieces of work: it ends the one and starts the next.
  let t = budget ? budget.clock() : 0;
  for (const group of set.regexGroups) {
    // Lines where the group's combined regex matches: its members can match only there, so they
    // run on those few short lines instead of the whole text (re2js reads about 40 MB/s).
    let candidates: ViewLine[] | null = null;
    if (group.any && (!budget || budget.usesPrefilter(group))) {
      const any = group.any.test(view);
      let suspect = false;
      if (budget) {
        const t1 = budget.clock();
        // A prefilter slower than the budget: run its members one by one to find the slow one.
        suspect = t1 - t > budget.limitMs;
        t = t1;
      }
      if (!any && !suspect) continue;
      if (any && !suspect) candidates = linesOfView().filter((line) => group.any!.test(line.text));
    }
    for (const index of group.members) {
      const r = set.regexes[index]!;
      if (!budget) runRegex(r, view, linesOfView, tokens, hits, candidates);
      else if (!budget.skip[r.rule]) {
        runRegex(r, view, linesOfView, tokens, hits, candidates);
        const t1 = budget.clock();
        budget.charge(r.rule, t1 - t);
        t = t1;
      }
    }
  }
  return hits;
}

function runRegex(
  r: MatcherSet['regexes'][number], view: string, linesOfView: () => ViewLine[], tokens: Token[], hits: Hit[], candidates: ViewLine[] | null,
): void {
  if (!candidates && !r.re.test(view)) return;
  for (const line of candidates ?? linesOfView()) if (r.re.test(line.text)) matchOneRegex(r, line, tokens, hits);
}

function matchOneRegex(r: MatcherSet['regexes'][number], line: ViewLine, tokens: Token[], hits: Hit[]): void {
  const m = r.re.matcher(line.text);
  let count = 0;
  while (m.find() && count++ < 100) {
    const start = line.start + m.start();
    const end = line.start + m.end();
    if (end <= start) continue;
    const first = tokenAt(tokens, start);
    const anchor = tokens[Math.min(first, tokens.length - 1)];
    // Punctuation after a sentence's last word ("late!!!") belongs to that sentence.
    const sentence = anchor && anchor.start < end ? anchor.sentence : (tokens[first - 1]?.sentence ?? anchor?.sentence ?? 0);
    hits.push({ rule: r.rule, exception: r.exception, start, end, sentence, firstToken: first, source: r.source });
  }
}
