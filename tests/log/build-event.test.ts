import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEvent, hashTicket, type EventInput } from '../../src/background/log/build-event';
import { EXCERPT_MAX, remapCues } from '../../src/background/log/redact-event';
import { luhnValid } from '../../src/engine/redact/checks';
import { T0, freshStore } from './helpers';

const SALT = 'team-salt-0123456789';
/** Tests of what redaction produces must not depend on how loaded the machine is: a budget no real run reaches. */
const SLOW_MACHINE_MS = 10_000;
const TEXT = 'Hi, I have been waiting for three weeks. Mail me at jo.smith@example.com or call +44 20 7946 0958, I was charged twice!';
const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });

function input(overrides: Partial<EventInput> = {}): EventInput {
  return {
    agent: 'agent-a', helpdesk: 'demo', ticketKey: 'ticket-4711', ticketSalt: SALT, packId: 'en-default', packVersion: '1.0.0', action: 'inserted',
    ruleIds: ['delay.waiting', 'billing.charged-twice'], categories: ['delay', 'billing'], frustration: 3, boundary: false,
    suggestionId: 'delay-ack', step: 'acknowledge', text: TEXT,
    cues: [{ ruleId: 'delay.waiting', ...at('waiting for three weeks') }, { ruleId: 'billing.charged-twice', ...at('charged twice') }, { ruleId: 'contact.mail', ...at('jo.smith@example.com') }],
    ...overrides,
  };
}

const ids = () => 'id-1';

describe('buildEvent and the logging modes', () => {
  it('off: records nothing', async () => {
    expect(await buildEvent(input(), { mode: 'off' }, T0, ids)).toBeNull();
  });

  it('metadata: everything but the customer text', async () => {
    const e = await buildEvent(input(), { mode: 'metadata' }, T0, ids);
    expect(e).toEqual({
      id: 'id-1', time: T0, agent: 'agent-a', helpdesk: 'demo', ticket: await hashTicket('ticket-4711', SALT), packId: 'en-default', packVersion: '1.0.0',
      action: 'inserted', ruleIds: ['delay.waiting', 'billing.charged-twice'], categories: ['delay', 'billing'], frustration: 3, boundary: false,
      suggestionId: 'delay-ack', step: 'acknowledge',
    });
  });

  it('excerpts: a redacted excerpt whose cue spans still point at the cue words; a redacted cue is dropped', async () => {
    const e = (await buildEvent(input(), { mode: 'excerpts', redactBudgetMs: SLOW_MACHINE_MS }, T0, ids))!;
    expect(e.excerpt).toBe('Hi, I have been waiting for three weeks. Mail me at [email] or call [phone], I was charged twice!');
    expect(e.cues).toEqual([
      { ruleId: 'delay.waiting', start: 16, end: 39 },
      { ruleId: 'billing.charged-twice', start: e.excerpt!.indexOf('charged twice'), end: e.excerpt!.indexOf('charged twice') + 13 },
    ]);
    expect(e.cues!.map((c) => e.excerpt!.slice(c.start, c.end))).toEqual(['waiting for three weeks', 'charged twice']);
  });

  it('excerpts: stores metadata only when redaction cannot finish in its budget', async () => {
    const huge = '4111 1111 1111 1111, call 020 7946 0958 or me@example.org; '.repeat(40_000);
    const e = (await buildEvent(input({ text: huge, cues: [{ ruleId: 'r', start: 0, end: 4 }] }), { mode: 'excerpts' }, T0, ids))!;
    expect(e).not.toHaveProperty('excerpt');
    expect(e).not.toHaveProperty('cues');
    expect(e.ruleIds).toEqual(['delay.waiting', 'billing.charged-twice']);
  });

  it('cuts long excerpts after redacting, dropping cues past the cut', async () => {
    const text = `${'still waiting. '.repeat(200)}card 4111 1111 1111 1111 end`;
    const e = (await buildEvent(input({ text, cues: [{ ruleId: 'a', start: 0, end: 5 }, { ruleId: 'b', start: text.length - 3, end: text.length }] }), { mode: 'excerpts', redactBudgetMs: SLOW_MACHINE_MS }, T0, ids))!;
    expect(e.excerpt).toHaveLength(EXCERPT_MAX);
    expect(e.cues).toEqual([{ ruleId: 'a', start: 0, end: 5 }]);
  });

  it('hashes the ticket key: first 16 hex characters of HMAC-SHA-256 keyed by the salt', async () => {
    expect(await hashTicket('ticket-4711', SALT)).toBe(createHmac('sha256', SALT).update('ticket-4711').digest('hex').slice(0, 16));
    // Not the plain SHA-256 anyone can compute for every small ticket number.
    expect(await hashTicket('ticket-4711', SALT)).not.toBe(createHash('sha256').update('ticket-4711').digest('hex').slice(0, 16));
    // Another profile (another salt) groups the same ticket under another hash; the same salt agrees.
    expect(await hashTicket('ticket-4711', 'another-profile-salt')).not.toBe(await hashTicket('ticket-4711', SALT));
    expect(await hashTicket('ticket-4711', SALT)).toBe(await hashTicket('ticket-4711', SALT));
    const e = (await buildEvent(input(), { mode: 'excerpts', redactBudgetMs: SLOW_MACHINE_MS }, T0, ids))!;
    expect(JSON.stringify(e)).not.toContain('4711');
  });

  it('redacts a free-text reason in every mode', async () => {
    const e = (await buildEvent(input({ action: 'rated_down', reason: 'wrong, she gave jo@example.com' }), { mode: 'metadata', redactBudgetMs: SLOW_MACHINE_MS }, T0, ids))!;
    expect(e.reason).toBe('wrong, she gave [email]');
  });

  it('remaps cues to the nearest occurrence of their words', () => {
    expect(remapCues('ab x@y.io ab', 'ab [email] ab', [{ ruleId: 'r', start: 10, end: 12 }])).toEqual([{ ruleId: 'r', start: 11, end: 13 }]);
  });
});

// ---- the privacy property: no raw personal data from a message reaches a stored event ----------
const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
const luhnCard = fc.tuple(fc.integer({ min: 13, max: 19 }), fc.boolean()).chain(([length, grouped]) =>
  digits(length - 1).map((body) => {
    const check = [...'0123456789'].find((d) => luhnValid(`4${body.slice(1)}${d}`))!;
    const card = `4${body.slice(1)}${check}`;
    return grouped ? card.replace(/(\d{4})(?=\d)/g, '$1 ') : card;
  }),
);
/** German IBANs: DE + check digits + 18 digits, with the mod-97 check computed here. */
const iban = digits(18).map((bban) => {
  const rest = BigInt(`${bban}131400`) % 97n;
  return `DE${String(98n - rest).padStart(2, '0')}${bban}`;
});
const phone = fc.oneof(
  fc.tuple(digits(3), digits(4)).map(([a, b]) => `+44 20 ${a}${b.slice(0, 1)} ${b}`),
  fc.tuple(digits(3), digits(3), digits(4)).map(([a, b, c]) => `(${a}) ${b}-${c}`),
  fc.tuple(digits(3), digits(4)).map(([a, b]) => `+1 555 ${a} ${b}`),
);
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/), fc.stringMatching(/^[a-z]{2,10}$/)).map(([u, d]) => `${u}@${d}.com`);
const pii = fc.oneof(luhnCard, iban, phone, email);
const words = fc.array(fc.constantFrom('please', 'refund', 'my', 'order', 'is', 'late', 'again!', 'I', 'was', 'charged', 'twice.', 'call', 'me:', '\n'), { maxLength: 8 }).map((w) => w.join(' '));

describe('privacy: excerpts mode', () => {
  it('no generated email, phone number, card number or IBAN survives in any field of a stored event', async () => {
    const { store } = await freshStore();
    let n = 0;
    let withExcerpt = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(words, pii), { minLength: 1, maxLength: 4 }), words, async (parts, tail) => {
        const text = parts.map(([w, p]) => `${w} ${p} `).join('') + tail;
        // Cues over the personal data itself too: offsets must not smuggle it back.
        let offset = 0;
        const cues = parts.map(([w, p], i) => {
          const start = offset + w.length + 1;
          offset += w.length + p.length + 2;
          return { ruleId: `rule.${i}`, start, end: start + p.length };
        });
        const id = `p${n++}`;
        const e = await buildEvent(input({ text, cues, reason: `see ${parts[0]![1]}` }), { mode: 'excerpts', redactBudgetMs: SLOW_MACHINE_MS }, T0, () => id);
        await store.add([e!]);
        const stored = (await store.query({}, { limit: 1 })).events[0]!;
        expect(stored.id).toBe(id);
        if (stored.excerpt?.includes('[')) withExcerpt++;
        const everything = [JSON.stringify(stored), await store.exportCsv({ ruleId: 'delay.waiting', from: T0, to: T0 + 1 })].join('\n');
        for (const [, p] of parts) {
          expect(everything).not.toContain(p);
          if (!p.includes('@')) expect(everything.replace(/\D/g, '')).not.toContain(p.replace(/\D/g, ''));
        }
        await store.clear();
      }),
      { numRuns: 150 },
    );
    // The property means something only if excerpts were stored, not just dropped for safety.
    expect(withExcerpt).toBeGreaterThan(120);
  });

  it('an imported export edited to hold raw personal data is redacted on the way in', async () => {
    const { store } = await freshStore();
    const line = JSON.stringify({ ...(await buildEvent(input(), { mode: 'metadata' }, T0, ids)), excerpt: 'write to jo.smith@example.com now', cues: [{ ruleId: 'r', start: 0, end: 5 }], reason: 'card 4111 1111 1111 1111' });
    expect(await store.importEvents(line)).toMatchObject({ added: 1, invalid: 0 });
    const stored = (await store.query()).events[0]!;
    expect(stored).toMatchObject({ excerpt: 'write to [email] now', cues: [{ ruleId: 'r', start: 0, end: 5 }], reason: 'card [card]' });
  });
});
