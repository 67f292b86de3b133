import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationMessage, ConversationSnapshot } from '../../src/shared/conversation';
import { applyDelta, diffConversation, isContentMessage, isEmptyDelta, isPanelMessage, partsOf } from '../../src/shared/protocol';

const message = fc.record({
  key: fc.string({ minLength: 1, maxLength: 6 }),
  role: fc.constantFrom('customer' as const, 'agent' as const, 'internal' as const),
  text: fc.string({ maxLength: 40 }),
});
const snapshot = (ticketKey: string) =>
  fc.uniqueArray(message, { selector: (m) => m.key, maxLength: 12 }).map(
    (messages): ConversationSnapshot => ({ helpdesk: 'demo', ticketKey, subject: 's', messages: messages as ConversationMessage[] }),
  );

describe('conversation deltas', () => {
  it('applying the diff of two snapshots reproduces the second (same ticket or a switch)', () => {
    fc.assert(
      fc.property(snapshot('t1'), fc.constantFrom('t1', 't2'), snapshot('x'), (before, key, afterRaw) => {
        const after = { ...afterRaw, ticketKey: key };
        const delta = diffConversation(before, after);
        expect(applyDelta(before, delta)).toEqual(after);
        expect(delta.reset).toBe(key !== 't1');
      }),
    );
  });

  it('sends only new or changed messages, and nothing when nothing changed', () => {
    const before: ConversationSnapshot = { helpdesk: 'd', ticketKey: 't', messages: [{ key: 'a', role: 'customer', text: 'one' }, { key: 'b', role: 'agent', text: 'two' }] };
    const after: ConversationSnapshot = { ...before, messages: [...before.messages.slice(0, 1), { key: 'b', role: 'agent', text: 'two, edited' }, { key: 'c', role: 'customer', text: 'three' }] };
    const delta = diffConversation(before, after);
    expect(delta.upserts.map((m) => m.key)).toEqual(['b', 'c']);
    expect(isEmptyDelta(before, diffConversation(before, before))).toBe(true);
    expect(isEmptyDelta(before, delta)).toBe(false);
  });
});

describe('a large delta in parts', () => {
  it('keeps every message once, in order, each part within the size unless one message alone is bigger', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 60 }), fc.integer({ min: 1, max: 80 }), (messages, partChars) => {
        const parts = partsOf(messages as ConversationMessage[], partChars);
        expect(parts.flat()).toEqual(messages);
        expect(parts.length).toBeGreaterThanOrEqual(1);
        for (const part of parts) {
          const size = part.reduce((sum, m) => sum + m.text.length + m.key.length, 0);
          if (part.length > 1) expect(size).toBeLessThanOrEqual(partChars);
          if (parts.length > 1) expect(part.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('sends a 2,000-message thread in several parts', () => {
    const thread = Array.from({ length: 2_000 }, (_, i): ConversationMessage => ({ key: `k${i}`, role: 'customer', text: `Any news on this? (#${i})` }));
    expect(partsOf(thread).length).toBeGreaterThan(1);
    expect(partsOf([])).toEqual([[]]);
  });
});

describe('message validation', () => {
  const selfTest = { helpdesk: 'rt', conversation: true, editor: false, messages: 1, problems: [] };
  const delta = { helpdesk: 'rt', ticketKey: 'rt:1', upserts: [{ key: '1', role: 'customer', text: 'hi' }], keys: ['1'], reset: true };

  it('accepts well-formed content messages and drops anything else', () => {
    expect(isContentMessage({ type: 'content/conversation', delta, selfTest, readAt: 1 })).toBe(true);
    expect(isContentMessage({ type: 'content/conversation', delta: { ...delta, upserts: [{ key: '1', role: 'boss', text: 'x' }] }, selfTest, readAt: 1 })).toBe(false);
    expect(isContentMessage({ type: 'content/draft', ticketKey: 'k', text: 'x'.repeat(200_000) })).toBe(false);
    expect(isContentMessage({ type: 'content/upserts', ticketKey: 'rt:1', upserts: delta.upserts })).toBe(true);
    expect(isContentMessage({ type: 'content/upserts', ticketKey: 'rt:1', upserts: [{ key: '1', text: 'no role' }] })).toBe(false);
    expect(isContentMessage({ type: 'panel/insert', tabId: 1, requestId: 'r', text: 'x' })).toBe(false);
    fc.assert(fc.property(fc.anything(), (v) => {
      expect(() => isContentMessage(v)).not.toThrow();
    }));
  });

  it('a content script cannot pass for the panel', () => {
    expect(isPanelMessage({ type: 'panel/insert', tabId: 3, requestId: 'r1', text: 'Hello' })).toBe(true);
    expect(isPanelMessage({ type: 'panel/insert', tabId: -1, requestId: 'r1', text: 'Hello' })).toBe(false);
    expect(isPanelMessage({ type: 'content/draft', tabId: 3, ticketKey: 'k', text: 'x' })).toBe(false);
    fc.assert(fc.property(fc.anything(), (v) => {
      expect(() => isPanelMessage(v)).not.toThrow();
    }));
  });
});
