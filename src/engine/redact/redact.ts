/**
 * Removes personal data from text before anything is stored in the suggestion log: email
 * addresses, phone numbers (international and national formats), card numbers (Luhn-checked),
 * IBANs (mod-97-checked), and names (from the signature and the names the helpdesk shows).
 * Over-redacting is acceptable; leaking is not. If redaction fails or runs past its time budget,
 * the caller gets `ok: false` and must store metadata only.
 */
import { segmentMessage } from '../text/segment';
import { IBAN_LENGTHS, ibanValid, luhnValid } from './checks';

export type RedactionKind = 'email' | 'phone' | 'card' | 'iban' | 'name';

export type RedactionResult =
  | { ok: true; text: string; counts: Record<RedactionKind, number> }
  | { ok: false; reason: 'budget' | 'error'; detail: string };

export interface RedactOptions {
  /** Names known from the helpdesk (requester, authors): redacted wherever they appear. */
  names?: readonly string[];
  /** Time budget in milliseconds (default 25). */
  budgetMs?: number;
  /** Longest text redacted; longer text is cut first (default 20,000 characters). */
  maxLength?: number;
  now?: () => number;
}

const EMAIL = /[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}_-][\p{L}\p{N}._-]{0,253}\.[\p{L}\p{N}_-]{1,63}/gu;
/** Runs of digit groups joined by one space, dash or dot: candidates for cards and phones. */
const DIGIT_RUN = /\d+(?:[ \-.]\d+)*/g;
/** Phone shapes: optional + or 00 prefix, optional (area), groups of digits with separators. */
const PHONE = /(?:\+|\b00)?\(?\d[\d\s()./-]{5,22}\d\b/g;
const IBAN_START = /\b([A-Z]{2})(\d{2})[ ]?[A-Z0-9]/gi;
const NAME_WORD = /^[\p{Lu}][\p{Ll}'’-]{1,30}$/u;
const NOT_A_NAME = new Set(['Thanks', 'Thank', 'Regards', 'Best', 'Cheers', 'Sincerely', 'Kind', 'Warm', 'Sent', 'From', 'My', 'Team', 'Support', 'Customer', 'Service', 'Yours', 'Many', 'Mr', 'Mrs', 'Ms', 'Dr', 'Tel', 'Phone', 'Mobile', 'Email']);

interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
}

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** Card numbers inside a run of digit groups: any contiguous groups with 13-19 digits that pass Luhn. */
function cardSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)].map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length, digits: g[0] }));
    let i = 0;
    while (i < groups.length) {
      let found: Span | null = null;
      let count = 0;
      let digits = '';
      for (let j = i; j < groups.length && count <= 19; j++) {
        digits += groups[j]!.digits;
        count = digits.length;
        if (count >= 13 && count <= 19 && luhnValid(digits)) found = { start: groups[i]!.start, end: groups[j]!.end, kind: 'card' };
      }
      if (found) {
        spans.push(found);
        i = groups.findIndex((g) => g.start >= found!.end);
        if (i < 0) break;
      } else {
        i++;
      }
    }
  }
  return spans;
}

/** IBANs: country code, check digits, then exactly the country's length of letters and digits (spaces allowed). */
function ibanSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const country = m[1]!.toUpperCase();
    const length = IBAN_LENGTHS[country];
    if (!length) continue;
    let compact = '';
    let end = m.index;
    while (end < text.length && compact.length < length) {
      const ch = text[end]!;
      if (/[A-Za-z0-9]/.test(ch)) compact += ch.toUpperCase();
      else if (ch !== ' ' || !/[A-Za-z0-9]/.test(text[end + 1] ?? '')) break;
      end++;
    }
    if (compact.length === length && ibanValid(compact)) spans.push({ start: m.index, end, kind: 'iban' });
  }
  return spans;
}

function phoneSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(PHONE)) {
    const digits = digitsOf(m[0]).length;
    // Seven digits or more (more than E.164's 15 is two numbers side by side: take both); an ISO date is not a phone number.
    if (digits < 7 || /^\d{4}-\d{2}-\d{2}$/.test(m[0].trim())) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'phone' });
  }
  return spans;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names: the capitalised words of the signature block, plus every part of the names given. */
function nameSpans(text: string, names: readonly string[]): Span[] {
  const words = new Set<string>();
  for (const name of names) for (const part of name.split(/[\s,]+/)) if (NAME_WORD.test(part) && !NOT_A_NAME.has(part)) words.add(part);
  const signature = segmentMessage(text).signature;
  if (signature) {
    for (const m of text.slice(signature[0], signature[1]).matchAll(/[\p{L}'’-]+/gu)) {
      if (NAME_WORD.test(m[0]) && !NOT_A_NAME.has(m[0])) words.add(m[0]);
    }
  }
  if (words.size === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}])(?:${[...words].map(escapeRegExp).join('|')})(?![\\p{L}])`, 'gu');
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind: 'name' as const }));
}

const TOKEN: Record<RedactionKind, string> = { email: '[email]', phone: '[phone]', card: '[card]', iban: '[iban]', name: '[name]' };

/** Merges overlapping spans (the earlier kind wins) and replaces each with its token. */
function apply(text: string, spans: Span[], counts: Record<RedactionKind, number>): string {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.end <= at) continue;
    out += text.slice(at, Math.max(at, s.start)) + (s.start >= at ? TOKEN[s.kind] : '');
    if (s.start >= at) counts[s.kind]++;
    at = s.end;
  }
  return out + text.slice(at);
}

export function redact(input: string, options: RedactOptions = {}): RedactionResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const budget = options.budgetMs ?? 25;
  const counts: Record<RedactionKind, number> = { email: 0, phone: 0, card: 0, iban: 0, name: 0 };
  try {
    let text = typeof input === 'string' ? input.slice(0, options.maxLength ?? 20_000) : '';
    // Order matters: structured identifiers first, so a card is not half-taken as a phone.
    const passes: Array<(t: string) => Span[]> = [
      (t) => [...t.matchAll(EMAIL)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind: 'email' as const })),
      ibanSpans,
      cardSpans,
      phoneSpans,
      (t) => nameSpans(t, options.names ?? []),
    ];
    for (const pass of passes) {
      text = apply(text, pass(text), counts);
      if (now() - started > budget) return { ok: false, reason: 'budget', detail: `redaction took over ${budget} ms` };
    }
    return { ok: true, text, counts };
  } catch (error) {
    return { ok: false, reason: 'error', detail: String(error) };
  }
}
