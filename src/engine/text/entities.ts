/** HTML entities that appear in helpdesk exports and tweets, decoded without touching offsets. */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: "'", lsquo: "'",
  rdquo: '"', ldquo: '"', hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', pound: '\u00a3',
  euro: '\u20ac', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
};

export interface DecodedEntity {
  char: string;
  /** Length of the entity in the source text, including '&' and ';'. */
  length: number;
}

const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/iy;

/** Decode the entity starting at `index` (which holds '&'), or return null if there is none. */
export function decodeEntityAt(text: string, index: number, limit = text.length): DecodedEntity | null {
  ENTITY.lastIndex = index;
  const m = ENTITY.exec(text);
  if (!m || index + m[0].length > limit) return null;
  const body = m[1] ?? '';
  let char: string | undefined;
  if (body.startsWith('#x') || body.startsWith('#X')) char = codePoint(parseInt(body.slice(2), 16));
  else if (body.startsWith('#')) char = codePoint(parseInt(body.slice(1), 10));
  else char = Object.hasOwn(NAMED, body.toLowerCase()) ? NAMED[body.toLowerCase()] : undefined;
  return char === undefined ? null : { char, length: m[0].length };
}

function codePoint(n: number): string | undefined {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}

/** Replace every entity by its character padded with spaces, so offsets stay the same. */
export function decodeEntitiesSameLength(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (text[i] === '&') {
      const e = decodeEntityAt(text, i);
      if (e && e.char.length <= e.length) {
        out += e.char + ' '.repeat(e.length - e.char.length);
        i += e.length;
        continue;
      }
    }
    out += text[i];
    i++;
  }
  return out;
}
