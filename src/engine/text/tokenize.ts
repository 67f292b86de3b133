/**
 * Tokenizer with exact UTF-16 offsets into the original text.
 *
 * Matching works on lowercased word tokens; punctuation only ends sentences. HTML entities are
 * decoded in place (so "don&#39;t" is one token "don't" whose offsets cover the entity), curly
 * apostrophes are folded, common chat spellings ("dont", "u", "pls") get their standard form, and
 * elongated words ("sooo", "pleeease") get collapsed alternatives.
 */
import { decodeEntityAt } from './entities';

export type TokenKind = 'word' | 'number' | 'emoji';

export interface Token {
  /** Lowercased, normalised form used for matching. */
  norm: string;
  /** Other forms worth trying (elongation collapsed, chat spelling expanded). */
  alts?: string[];
  start: number;
  end: number;
  kind: TokenKind;
  /** Written in capitals (two or more letters, no lowercase). */
  caps: boolean;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

export interface Tokenized {
  tokens: Token[];
  /** Number of sentences (token.sentence < sentenceCount). */
  sentenceCount: number;
}

const LETTER = /\p{L}|\p{M}/u;
const DIGIT = /\p{Nd}/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '`', '\u00b4']);
const SENTENCE_END = new Set(['.', '!', '?', '\n', '\u2026', ';']);

/** Apostrophe-less and chat spellings that mean the same as a standard token. */
const SPELLINGS = new Map<string, string>(Object.entries({
  dont: "don't", doesnt: "doesn't", didnt: "didn't", isnt: "isn't", wasnt: "wasn't",
  arent: "aren't", werent: "weren't", havent: "haven't", hasnt: "hasn't", hadnt: "hadn't",
  cant: "can't", couldnt: "couldn't", wouldnt: "wouldn't", shouldnt: "shouldn't", wont: "won't",
  aint: "ain't", im: "i'm", ive: "i've", youre: "you're", youve: "you've", theyre: "they're",
  thats: "that's", whats: "what's", wheres: "where's", heres: "here's", theres: "there's",
  u: 'you', ur: 'your', pls: 'please', plz: 'please', thx: 'thanks', tnx: 'thanks',
  cannot: "can't", wanna: 'want to', gonna: 'going to', cuz: 'because', coz: 'because',
}));

function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER.test(ch) || DIGIT.test(ch);
}

/** Collapse runs of three or more identical letters, to one and to two letters. */
function elongationAlts(word: string): string[] | undefined {
  if (!/(\p{L})\1\1/u.test(word)) return undefined;
  const one = word.replace(/(\p{L})\1{2,}/gu, '$1');
  const two = word.replace(/(\p{L})\1{2,}/gu, '$1$1');
  return one === two ? [one] : [one, two];
}

interface WordFlags {
  hasLetter: boolean;
  hasUpper: boolean;
  hasLower: boolean;
  /** Three or more identical letters in a row were seen ("sooo"). */
  elongated: boolean;
}

function makeWordToken(raw: string, start: number, end: number, sentence: number, f: WordFlags): Token {
  const lower = f.hasUpper ? raw.toLowerCase() : raw;
  const kind: TokenKind = f.hasLetter ? 'word' : 'number';
  const caps = f.hasUpper && !f.hasLower && raw.length >= 2;
  const spelled = SPELLINGS.get(lower);
  const norm = spelled !== undefined && !spelled.includes(' ') ? spelled : lower;
  const token: Token = { norm, start, end, kind, caps, sentence };
  if (f.elongated) {
    const alts: string[] = [];
    for (const alt of elongationAlts(lower) ?? []) {
      alts.push(alt);
      const altSpelled = SPELLINGS.get(alt);
      if (altSpelled !== undefined && !altSpelled.includes(' ')) alts.push(altSpelled);
    }
    if (alts.length > 0) token.alts = alts;
  }
  return token;
}

/** ASCII classes for the fast path: 1 letter, 2 digit, 3 apostrophe, 4 sentence end, 5 '&', 0 other. */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII[c] = /[A-Za-z]/.test(ch) ? 1 : /[0-9]/.test(ch) ? 2 : ch === "'" || ch === '`' ? 3 : SENTENCE_END.has(ch) ? 4 : ch === '&' ? 5 : 0;
}

/**
 * Tokenize the parts of `text` inside `ranges` (all of it when omitted). Sentences never span
 * two ranges.
 */
export function tokenize(text: string, ranges: Array<[number, number]> = [[0, text.length]]): Tokenized {
  const tokens: Token[] = [];
  let sentence = 0;
  let sentenceHasTokens = false;
  const endSentence = () => {
    if (sentenceHasTokens) {
      sentence++;
      sentenceHasTokens = false;
    }
  };

  for (const [from, to] of ranges) {
    endSentence();
    let i = from;
    // The current word: its source span, and its text when normalisation changed it ("dirty").
    let wordStart = -1;
    let wordEnd = -1;
    let word = '';
    let dirty = false;
    let flags: WordFlags = { hasLetter: false, hasUpper: false, hasLower: false, elongated: false };
    let run = 0;
    let prev = -1;
    const append = (ch: string, at: number, width: number, normalised: boolean) => {
      if (wordStart < 0) {
        wordStart = at;
        word = '';
        dirty = false;
        flags = { hasLetter: false, hasUpper: false, hasLower: false, elongated: false };
        run = 0;
        prev = -1;
      }
      if (normalised && !dirty) {
        word = text.slice(wordStart, at);
        dirty = true;
      }
      if (dirty) word += ch;
      wordEnd = at + width;
    };
    const flush = () => {
      if (wordStart >= 0) {
        let raw = dirty ? word : text.slice(wordStart, wordEnd);
        let end = wordEnd;
        // Trailing apostrophes ("customers'") are not part of the word.
        while (raw.endsWith("'")) {
          raw = raw.slice(0, -1);
          if (!dirty) end--;
        }
        if (raw.length > 0) {
          tokens.push(makeWordToken(raw, wordStart, dirty ? wordEnd : end, sentence, flags));
          sentenceHasTokens = true;
        }
      }
      wordStart = -1;
    };

    while (i < to) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        const cls = ASCII[code]!;
        if (cls === 1 || cls === 2) {
          append(text[i]!, i, 1, false);
          if (cls === 1) {
            flags.hasLetter = true;
            if (code < 97) flags.hasUpper = true;
            else flags.hasLower = true;
            const lower = code | 32;
            run = lower === prev ? run + 1 : 1;
            prev = lower;
            if (run >= 3) flags.elongated = true;
          } else prev = -1;
          i++;
          continue;
        }
        if (cls === 3 && wordStart >= 0) {
          append("'", i, 1, code !== 39);
          prev = -1;
          i++;
          continue;
        }
        if ((code === 46 || code === 44) && wordStart >= 0 && /[0-9]/.test(text[i - 1] ?? '') && /[0-9]/.test(text[i + 1] ?? '')) {
          append(text[i]!, i, 1, false); // "$1,299.99"
          i++;
          continue;
        }
        if (cls !== 5) {
          flush();
          if (cls === 4) endSentence();
          i++;
          continue;
        }
      }
      // Slow path: entities and non-ASCII characters.
      const cp = text.codePointAt(i) ?? 0;
      let ch = String.fromCodePoint(cp);
      let width = ch.length;
      let decoded = false;
      if (ch === '&') {
        const entity = decodeEntityAt(text, i, to);
        if (entity) {
          ch = entity.char;
          width = entity.length;
          decoded = true;
        }
      }
      if (APOSTROPHES.has(ch)) {
        if (wordStart >= 0) append("'", i, width, true);
        else flush();
        prev = -1;
      } else if (isWordChar(ch)) {
        append(ch, i, width, decoded || ch.length !== width);
        const isLetter = LETTER.test(ch);
        if (isLetter) {
          flags.hasLetter = true;
          const lower = ch.toLowerCase();
          if (lower !== ch) flags.hasUpper = true;
          else if (ch.toUpperCase() !== ch) flags.hasLower = true;
          const c = lower.codePointAt(0) ?? -1;
          run = c === prev ? run + 1 : 1;
          prev = c;
          if (run >= 3) flags.elongated = true;
        } else prev = -1;
      } else {
        flush();
        if (cp >= 128 && EMOJI.test(ch)) {
          tokens.push({ norm: ch, start: i, end: i + width, kind: 'emoji', caps: false, sentence });
          sentenceHasTokens = true;
        } else if (SENTENCE_END.has(ch)) {
          endSentence();
        }
      }
      i += width;
    }
    flush();
  }
  endSentence();
  return { tokens, sentenceCount: sentence };
}

const phraseCache = new Map<string, string[]>();
const PHRASE_CACHE_LIMIT = 50_000;

/** Tokenize a phrase from a rule pack into the normalised word forms it must match (cached: packs repeat words). */
export function phraseWords(phrase: string): string[] {
  let words = phraseCache.get(phrase);
  if (!words) {
    words = tokenize(phrase).tokens.map((t) => t.norm);
    if (phraseCache.size >= PHRASE_CACHE_LIMIT) phraseCache.clear();
    phraseCache.set(phrase, words);
  }
  return words;
}
