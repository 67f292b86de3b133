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

function makeWordToken(raw: string, start: number, end: number, sentence: number): Token {
  const lower = raw.toLowerCase();
  const hasLetter = /\p{L}/u.test(raw);
  const kind: TokenKind = hasLetter ? 'word' : 'number';
  const caps = hasLetter && raw.length >= 2 && raw === raw.toUpperCase() && raw !== lower;
  const spelled = SPELLINGS.get(lower);
  let norm = lower;
  const alts: string[] = [];
  if (spelled !== undefined && !spelled.includes(' ')) norm = spelled;
  const elongated = elongationAlts(lower);
  if (elongated) {
    for (const alt of elongated) {
      alts.push(alt);
      const altSpelled = SPELLINGS.get(alt);
      if (altSpelled !== undefined && !altSpelled.includes(' ')) alts.push(altSpelled);
    }
  }
  const token: Token = { norm, start, end, kind, caps, sentence };
  if (alts.length > 0) token.alts = alts;
  return token;
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
    let word = '';
    let wordStart = -1;
    let wordEnd = -1;
    const flush = () => {
      if (word.length > 0) {
        // Trailing apostrophes ("customers'") are not part of the word.
        let trimmed = word;
        while (trimmed.length > 0 && trimmed.endsWith("'")) trimmed = trimmed.slice(0, -1);
        if (trimmed.length > 0) {
          tokens.push(makeWordToken(trimmed, wordStart, wordEnd, sentence));
          sentenceHasTokens = true;
        }
      }
      word = '';
      wordStart = -1;
    };

    while (i < to) {
      const code = text.codePointAt(i) ?? 0;
      let ch = String.fromCodePoint(code);
      let width = ch.length;
      if (ch === '&') {
        const entity = decodeEntityAt(text, i, to);
        if (entity) {
          ch = entity.char;
          width = entity.length;
        }
      }
      if (APOSTROPHES.has(ch)) ch = "'";

      if (isWordChar(ch)) {
        if (wordStart < 0) wordStart = i;
        word += ch;
        wordEnd = i + width;
      } else if (ch === "'" && word.length > 0) {
        // Inside a word ("don't"); dropped later if the word ends here.
        word += ch;
      } else if ((ch === '.' || ch === ',') && word.length > 0 && /\p{Nd}$/u.test(word) && DIGIT.test(text[i + 1] ?? '')) {
        // Decimal or thousands separator inside a number ("$1,299.99").
        word += ch;
      } else {
        flush();
        if (ch.charCodeAt(0) >= 128 && EMOJI.test(ch)) {
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

/** Tokenize a phrase from a rule pack into the normalised word forms it must match. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).tokens.map((t) => t.norm);
}
