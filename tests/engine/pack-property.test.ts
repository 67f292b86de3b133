// Safety of team leads' packs: whatever pack the validator accepts — phrases, compromise-style
// patterns with tags and wildcards, RE2 regexes — analyses any 10,000-character text within a
// fixed bound, and never throws. Packs are generated; only the ones the compiler accepts count.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyzeMessage, compilePack, type CompiledPack } from '../../src/engine';

const WORDS = ['wait', 'waiting', 'refund', 'charged', 'twice', 'again', 'manager', 'never', 'not', 'still', 'order', 'broken', 'you', 'the', 'a', 'angry', 'late', 'idiot', 'great'];
const word = fc.constantFrom(...WORDS);
const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
/** Pattern terms, including the costly kinds: wildcards, optional terms, alternatives and tags. */
const term = fc.oneof(
  word,
  word.map((w) => `{${w}}`),
  fc.constantFrom('.', '*', '#Value', '#Negative', '#Caps', '#Emoji', '#Adjective', '#Noun', '#Verb'),
  fc.tuple(word, word).map(([a, b]) => `(${a}|${b})`),
  word.map((w) => `${w}?`),
);
const pattern = fc.tuple(word, fc.array(term, { minLength: 0, maxLength: 6 })).map(([first, rest]) => [first, ...rest].join(' '));
/** RE2 syntax the compiler may accept or refuse; refused packs are skipped, accepted ones must be fast. */
const regex = fc.oneof(
  phrase.map((p) => `(?i)${p.replace(/ /g, '\\s+')}`),
  fc.constantFrom('!{2,}', '\\?{3,}', '(a|aa)+b', '(.*)*x', '(?i)(wait|waiting)+.*again', '[A-Z]{4,}', '(\\w+\\s?)+$', '^(?:\\d+-?)+$'),
);
const matchers = fc.record({ phrases: fc.array(phrase, { maxLength: 5 }), patterns: fc.array(pattern, { maxLength: 3 }), regex: fc.array(regex, { maxLength: 2 }) }, { requiredKeys: [] });
const CATEGORIES = ['delay', 'company_mistake', 'repeat_contact', 'escalation_threat', 'abuse', 'frustration'];

const rules = fc.uniqueArray(
  fc.record({ n: fc.nat(9999), category: fc.constantFrom(...CATEGORIES), weight: fc.double({ min: 0.05, max: 1, noNaN: true }), match: matchers, exceptions: fc.option(matchers, { nil: undefined }), example: phrase }),
  { minLength: 1, maxLength: 25, selector: (r) => r.n },
);

type GeneratedRules = typeof rules extends fc.Arbitrary<infer T> ? T : never;

function packOf(generated: GeneratedRules): CompiledPack | null {
  const list = generated.map((r) => ({
    id: `gen.rule-${r.n}`,
    category: r.category,
    reason: 'Generated rule.',
    weight: Math.round(r.weight * 100) / 100,
    match: r.match,
    ...(r.exceptions ? { exceptions: r.exceptions } : {}),
    examples: { match: [r.example] },
  }));
  const result = compilePack([
    { path: 'gen/pack.yaml', text: stringify({ id: 'gen', version: '1.0.0', locale: 'en', description: 'generated' }) },
    { path: 'gen/rules.yaml', text: stringify({ rules: list }) },
  ]);
  return result.ok ? result.pack : null;
}

/** 10,000 characters that keep the rules busy: their own words, capitals, punctuation runs, emoji, digits. */
const text10k = fc
  .array(fc.oneof(word, word.map((w) => w.toUpperCase()), fc.constantFrom('!!!', '???', '.', ',', '\n', '😡', '42', 'a'.repeat(40)), fc.string({ maxLength: 12 })), { minLength: 200, maxLength: 600 })
  .map((parts) => {
    let s = parts.join(' ');
    while (s.length < 10_000) s += ` ${s}`;
    return s.slice(0, 10_000);
  });

/** Per 10,000 characters on a loaded 2-core CI machine; the default pack takes a few milliseconds. */
const BOUND_MS = 1_500;

describe('any accepted pack on any text (property)', () => {
  it('analyses 10,000 characters within the bound and never throws', () => {
    let accepted = 0;
    let worst = 0;
    let cues = 0;
    fc.assert(
      fc.property(rules, text10k, (generated, text) => {
        const pack = packOf(generated);
        fc.pre(pack !== null);
        accepted++;
        const t0 = performance.now();
        const result = analyzeMessage(text, pack!);
        let ms = performance.now() - t0;
        if (ms > BOUND_MS) {
          // A GC pause or another process can stall one call: a real slowdown repeats.
          const t1 = performance.now();
          analyzeMessage(text, pack!);
          ms = Math.min(ms, performance.now() - t1);
        }
        expect(result.score).toBeGreaterThanOrEqual(0);
        worst = Math.max(worst, ms);
        cues = Math.max(cues, result.cues.length);
        expect(ms, `${Math.round(ms)} ms for 10,000 characters`).toBeLessThan(BOUND_MS);
      }),
      { numRuns: 40, seed: 7 },
    );
    // The property must have tested real packs, not only refused ones.
    expect(accepted).toBeGreaterThan(20);
    expect(cues, "the generated rules fired on the generated text").toBeGreaterThan(0);
    console.info(`${accepted} accepted packs; slowest analysis of 10,000 characters: ${Math.round(worst)} ms; most cues in one text: ${cues}`);
  }, 120_000);
});
