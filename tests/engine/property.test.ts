/** Property: analyze never throws, stays in range, keeps offsets inside the text, and is fast per KB. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeMessage, analyzeThread } from '../../src/engine';
import { loadPackDir } from '../../src/cli/pack-files';

const pack = loadPackDir();
const words = ['still', 'waiting', 'charged', 'twice', 'NOT', 'late', 'idiot', 'you', 'thanks', 'for', 'nothing', '!!!', '???', '&amp;', '&#39;', "don't", '😡', '\n> ', '\nOn Mon wrote:\n', '-- \n', 'manager', 'refund', 'sooo', '\ud800', '\u0000'];
const messageText = fc.oneof(
  fc.string({ maxLength: 3000 }),
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.array(fc.constantFrom(...words), { maxLength: 400 }).map((w) => w.join(' ')),
);

/** Generous bound (ms per KB) that only a pathological slowdown would cross on a loaded CI machine. */
const MS_PER_KB_BOUND = 50;

describe('analyze (property)', () => {
  it('never throws, keeps scores in range and offsets inside the text, within a time bound per KB', () => {
    fc.assert(
      fc.property(messageText, (text) => {
        const t0 = performance.now();
        const m = analyzeMessage(text, pack);
        let ms = performance.now() - t0;
        // A GC pause or another process can stall one call: a real slowdown repeats, a stall does not.
        if (ms >= 50) {
          const t1 = performance.now();
          analyzeMessage(text, pack);
          ms = Math.min(ms, performance.now() - t1);
        }
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(1);
        expect([0, 1, 2, 3, 4]).toContain(m.frustration);
        for (const c of m.cues) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(c.start).toBeLessThan(c.end);
          expect(c.reason.length).toBeGreaterThan(0);
        }
        // A fixed allowance absorbs GC pauses and JIT warm-up on a busy CI machine.
        expect(ms).toBeLessThan(50 + (MS_PER_KB_BOUND * text.length) / 1024);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('is deterministic over whole threads', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ role: fc.constantFrom('customer' as const, 'agent' as const, 'internal' as const), text: messageText }), { maxLength: 6 }), (thread) => {
        expect(JSON.stringify(analyzeThread(thread, pack))).toBe(JSON.stringify(analyzeThread(thread, pack)));
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
