/**
 * Splits a message into the customer's current words and the parts that are not: quoted email
 * history ("On ... wrote:", "> " lines, Outlook headers) and signatures ("-- ", "Sent from my
 * iPhone", a sign-off followed by a few short lines).
 */

export type Range = [number, number];

export interface Segments {
  /** Ranges of the current words, in order. */
  active: Range[];
  /** Quoted history (not the customer's current words). */
  quoted: Range[];
  /** The signature block, if one was found (names for greetings live here). */
  signature: Range | null;
}

interface Line {
  start: number;
  end: number; // exclusive, without the newline
  text: string;
}

const HISTORY_START = [
  /^\s*On\b.{0,300}\bwrote:\s*$/i,
  /^\s*-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^\s*-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
  /^\s*-{3,}\s*On\b.{0,300}\bwrote\s*-{3,}\s*$/i,
];
const OUTLOOK_FROM = /^\s*\*?From:\*?\s+\S/i;
const OUTLOOK_NEXT = /^\s*\*?(Sent|Date|To|Subject):\*?\s/i;
const WRAPPED_ON = /^\s*On\b.{0,300}$/i;
const WRAPPED_WROTE = /^.{0,200}\bwrote:\s*$/i;
const SIG_DASHES = /^\s*--\s*$/;
const SENT_FROM = /^\s*(Sent from my|Sent from|Get Outlook for)\b.{0,60}$/i;
const SIGN_OFF =
  /^\s*((best|kind|warm|warmest|many)\s+)?(regards|wishes|thanks|thank you|cheers|sincerely|yours sincerely|yours truly|yours|best|respectfully|br|thx)\s*[,.!]?\s*$/i;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let end = i;
      if (end > start && text[end - 1] === '\r') end--;
      lines.push({ start, end, text: text.slice(start, end) });
      start = i + 1;
    }
  }
  return lines;
}

/** Index of the first line of quoted history that runs to the end of the message, or -1. */
function historyStart(lines: Line[]): number {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (HISTORY_START.some((re) => re.test(t))) return i;
    if (WRAPPED_ON.test(t) && i + 1 < lines.length && WRAPPED_WROTE.test(lines[i + 1]!.text) && !/[.!?]\s*$/.test(t))
      return i;
    if (OUTLOOK_FROM.test(t) && i + 1 < lines.length && OUTLOOK_NEXT.test(lines[i + 1]!.text)) return i;
  }
  return -1;
}

/** Index of the first signature line within the current part (lines[0..limit)), or -1. */
function signatureStart(lines: Line[], limit: number): number {
  for (let i = 0; i < limit; i++) {
    const t = lines[i]!.text;
    if (SIG_DASHES.test(t) && i > 0) return i;
    if (SENT_FROM.test(t)) return i;
  }
  // A sign-off line near the end followed only by a few short lines (name, title, phone).
  const firstCandidate = Math.max(1, limit - 7);
  for (let i = firstCandidate; i < limit; i++) {
    if (!SIGN_OFF.test(lines[i]!.text)) continue;
    const rest = lines.slice(i + 1, limit).filter((l) => l.text.trim() !== '');
    if (rest.length <= 5 && rest.every((l) => l.text.trim().length <= 60 && !/[.!?]\s*$/.test(l.text.trim())))
      return i;
  }
  return -1;
}

export function segmentMessage(text: string): Segments {
  const lines = splitLines(text);
  const history = historyStart(lines);
  const currentEnd = history < 0 ? lines.length : history;
  const sigLine = signatureStart(lines, currentEnd);
  const activeEnd = sigLine < 0 ? currentEnd : sigLine;

  const active: Range[] = [];
  const quoted: Range[] = [];
  let open: Range | null = null;
  for (let i = 0; i < activeEnd; i++) {
    const line = lines[i]!;
    if (/^\s*>/.test(line.text)) {
      quoted.push([line.start, line.end]);
      open = null;
      continue;
    }
    if (open) open[1] = line.end;
    else {
      open = [line.start, line.end];
      active.push(open);
    }
  }
  if (history >= 0) quoted.push([lines[history]!.start, text.length]);
  const signature: Range | null =
    sigLine < 0 ? null : [lines[sigLine]!.start, lines[currentEnd - 1]?.end ?? text.length];
  return { active: active.map((r) => trimRange(text, r)).filter(([a, b]) => b > a), quoted, signature };
}

/** Shrink a range so it neither starts nor ends with white space. */
function trimRange(text: string, [a, b]: Range): Range {
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return [a, b];
}
