import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/engine';
import { ibanValid, IBAN_LENGTHS, luhnValid } from '../../src/engine/redact/checks';

// ---- generators of personal data in the shapes people type -------------------------------
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** A Luhn-valid card number of 13-19 digits, grouped the way people write them. */
const card = fc.tuple(fc.integer({ min: 12, max: 18 }), fc.constantFrom('', ' ', '-'), fc.nat()).chain(([len, sep, seed]) =>
  digits(len).map((body) => {
    for (let check = 0; check < 10; check++) {
      const full = `${(seed % 9) + 1}${body.slice(1)}${check}`;
      if (luhnValid(full)) return full.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
    }
    throw new Error('unreachable: one check digit always fits');
  }),
);

function withCheckDigits(country: string, bban: string): string {
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let r = 0;
  for (const d of numeric) r = (r * 10 + Number(d)) % 97;
  return `${country}${String(98 - r).padStart(2, '0')}${bban}`;
}
const iban = fc.tuple(fc.constantFrom(...Object.keys(IBAN_LENGTHS)), fc.boolean()).chain(([country, spaced]) =>
  digits(IBAN_LENGTHS[country]! - 4).map((bban) => {
    const value = withCheckDigits(country, bban);
    return spaced ? value.replace(/(.{4})(?=.)/g, '$1 ') : value;
  }),
);

const phone = fc.oneof(
  fc.tuple(digits(2), digits(4), digits(4)).map(([a, b, c]) => `+44 ${a} ${b} ${c}`),
  fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `(${a}) ${b}-${c}`),
  fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `+1-${a}-${b}-${c}`),
  fc.tuple(digits(2), digits(7)).map(([a, b]) => `0049 ${a} ${b}`),
  fc.tuple(digits(2), digits(2), digits(2), digits(2)).map(([a, b, c, d]) => `+33 6 ${a} ${b} ${c} ${d}`),
  fc.tuple(digits(3), digits(3), digits(3)).map(([a, b, c]) => `+34 ${a}.${b}.${c}`),
  digits(10).map((d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`),
);

const label = fc.stringMatching(/^[a-z][a-z0-9._-]{0,12}[a-z0-9]$/);
const email = fc.tuple(label, label, fc.constantFrom('com', 'org', 'co.uk', 'io', 'de')).map(([u, d, tld]) => `${u}@${d}.${tld}`);

const pii = fc.oneof(card.map((v) => ({ kind: 'card', v })), iban.map((v) => ({ kind: 'iban', v })), phone.map((v) => ({ kind: 'phone', v })), email.map((v) => ({ kind: 'email', v })));
const filler = fc.array(fc.oneof(fc.constantFrom('my', 'card', 'is', 'call', 'me', 'on', 'refund', 'please', 'order', 'thanks!', '—', ':', '\n'), fc.string({ maxLength: 8 })), { maxLength: 12 }).map((w) => w.join(' '));

describe('redaction', () => {
  it('no generated email, phone, card or IBAN survives, wherever it sits in random text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, pii), { minLength: 1, maxLength: 5 }), filler, (parts, tail) => {
        const text = parts.map(([f, p]) => `${f} ${p.v} `).join('') + tail;
        const result = redact(text, { budgetMs: 1_000 });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        for (const [, p] of parts) {
          expect(result.text).not.toContain(p.v);
          if (p.kind !== 'email') expect(result.text.replace(/\D/g, '')).not.toContain(p.v.replace(/\D/g, ''));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('checks card numbers and IBANs, so order numbers and amounts stay readable', () => {
    const result = redact('Order 48213 for $1,299.00 was charged twice on 2026-03-03. Card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32.', { budgetMs: 1_000 });
    expect(result).toMatchObject({ ok: true, text: 'Order 48213 for $1,299.00 was charged twice on 2026-03-03. Card [card], IBAN [iban].' });
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false);
  });

  it('removes names from the signature and the names the helpdesk gave, not ordinary capitalised words', () => {
    const text = 'Hi Tom,\n\nThe Premium plan still has no offline mode. Dana asked me to write.\n\nBest regards,\nSarah Lindqvist\nAcme Corp';
    const result = redact(text, { names: ['Tom Baker'], budgetMs: 1_000 });
    expect(result.ok && result.text).toBe('Hi [name],\n\nThe Premium plan still has no offline mode. Dana asked me to write.\n\nBest regards,\n[name] [name]\n[name] [name]');
    expect(result.ok && result.counts.name).toBe(5);
  });

  it('reports a blown budget instead of storing half-redacted text', () => {
    let t = 0;
    const result = redact('call +44 20 7946 0958', { budgetMs: 5, now: () => (t += 10) });
    expect(result).toMatchObject({ ok: false, reason: 'budget' });
  });

  it('never throws on odd input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (s) => {
        expect(redact(s, { budgetMs: 1_000 }).ok).toBe(true);
      }),
    );
    expect(redact(undefined as unknown as string)).toMatchObject({ ok: true, text: '' });
  });
});
