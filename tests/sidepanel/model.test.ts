import { beforeAll, describe, expect, it } from 'vitest';
import { loadPackDir } from '../../src/cli/pack-files';
import type { CompiledPack } from '../../src/engine';
import type { ConversationMessage, SelfTest } from '../../src/shared/conversation';
import type { BackgroundToPanel, PanelMessage } from '../../src/shared/protocol';
import { createPanelModel } from '../../src/sidepanel/model';
import { SLOW_MARKER, slowRegex, SLOW_RULES, testPack } from '../engine/helpers';
import type { PanelTransport } from '../../src/sidepanel/transport';

let pack: CompiledPack;
beforeAll(() => {
  pack = loadPackDir();
});

const selfTest: SelfTest = { helpdesk: 'demo', conversation: true, editor: true, messages: 2, problems: [] };
const msg = (key: string, role: ConversationMessage['role'], text: string): ConversationMessage => ({ key, role, text, author: role });

function harness(tab = 7) {
  const sent: PanelMessage[] = [];
  const copied: string[] = [];
  let deliver: (m: BackgroundToPanel) => void = () => undefined;
  const transport: PanelTransport = {
    send: (m) => sent.push(m),
    onMessage: (l) => (deliver = l),
    onTab: (l) => l(tab),
  };
  const model = createPanelModel(pack, transport, async (text) => void copied.push(text));
  const open = (ticketKey: string, messages: ConversationMessage[], reset = true) => {
    deliver({ type: 'background/status', tabId: tab, status: { kind: 'conversation', selfTest } });
    deliver({
      type: 'background/conversation',
      tabId: tab,
      readAt: Date.now(),
      delta: { helpdesk: 'demo', ticketKey, requester: 'Sarah Lindqvist', upserts: messages, keys: messages.map((m) => m.key), reset },
    });
  };
  return { model, sent, copied, deliver: (m: BackgroundToPanel) => deliver(m), open, tab };
}

const doubleCharge = [
  msg('1', 'customer', 'I was charged twice for order #48213. Please refund the second charge.'),
  msg('2', 'agent', 'Thanks, your refund will be processed within 5 days.'),
  msg('3', 'customer', "This is the THIRD time I'm writing!!! I was charged twice and still no refund. If this isn't sorted today I'll dispute the charge with my bank."),
];

describe('side panel model', () => {
  it('subscribes to its tab and analyses the latest customer message', () => {
    const h = harness();
    expect(h.sent[0]).toEqual({ type: 'panel/subscribe', tabId: h.tab });
    h.open('demo:1041', doubleCharge);
    const latest = h.model.latestCustomer.value!;
    expect(latest.message.key).toBe('3');
    const categories = latest.analysis.categories.map((c) => c.category);
    expect(categories).toContain('company_mistake');
    expect(categories).toContain('repeat_contact');
    expect(latest.analysis.frustration).toBeGreaterThanOrEqual(3);
    const steps = h.model.suggestions.value.map((s) => s.step);
    expect(steps.slice(0, 3)).toEqual(['acknowledge', 'apologise', 'options']);
    expect(h.model.suggestions.value.every((s) => !/[{}]/.test(h.model.wordingOf(s)))).toBe(true);
    expect(h.model.latency.value).not.toBeNull();
  });

  it('ignores messages for other tabs', () => {
    const h = harness(7);
    h.deliver({ type: 'background/status', tabId: 8, status: { kind: 'unsupported', permissionNeeded: false } });
    expect(h.model.status.value).toBeNull();
  });

  it('applies deltas: a new customer message updates the playbook', () => {
    const h = harness();
    h.open('demo:1', [msg('1', 'customer', 'Hi, what is your refund policy for annual plans?')]);
    expect(h.model.suggestions.value.map((s) => s.step)).not.toContain('apologise');
    h.deliver({
      type: 'background/conversation',
      tabId: h.tab,
      readAt: Date.now(),
      delta: { helpdesk: 'demo', ticketKey: 'demo:1', upserts: [msg('2', 'customer', 'You charged me twice and nobody answers. This is a disgrace.')], keys: ['1', '2'], reset: false },
    });
    expect(h.model.conversation.value!.messages.map((m) => m.key)).toEqual(['1', '2']);
    expect(h.model.suggestions.value.map((s) => s.step)).toContain('apologise');
  });

  it('inserts through the service worker and copies when no editor took the text', async () => {
    const h = harness();
    h.open('demo:1041', doubleCharge);
    const top = h.model.suggestions.value[0]!;
    h.model.insert(h.model.wordingOf(top));
    const request = h.sent.at(-1) as Extract<PanelMessage, { type: 'panel/insert' }>;
    expect(request).toMatchObject({ type: 'panel/insert', tabId: h.tab, text: h.model.wordingOf(top) });
    h.deliver({ type: 'background/inserted', tabId: h.tab, requestId: request.requestId, outcome: { ok: false, reason: 'no-editor' } });
    await expect.poll(() => h.copied).toEqual([request.text]);
    expect(h.model.notice.value?.text).toMatch(/copied/i);
  });

  it('keyboard commands insert the top suggestion and cycle its wording', () => {
    const h = harness();
    h.open('demo:1041', doubleCharge);
    const top = h.model.suggestions.value[0]!;
    const first = h.model.wordingOf(top);
    h.deliver({ type: 'background/command', tabId: h.tab, command: 'next-wording' });
    expect(h.model.wordingOf(top)).toBe(top.texts[1]);
    expect(h.model.wordingOf(top)).not.toBe(first);
    h.deliver({ type: 'background/command', tabId: h.tab, command: 'insert-top-suggestion' });
    expect(h.sent.at(-1)).toMatchObject({ type: 'panel/insert', text: top.texts[1] });
  });

  it('dismissed steps and chosen wordings reset when the agent opens another ticket', () => {
    const h = harness();
    h.open('demo:1041', doubleCharge);
    h.model.dismiss('acknowledge');
    expect(h.model.suggestions.value.map((s) => s.step)).not.toContain('acknowledge');
    h.open('demo:1042', [msg('a', 'customer', 'My parcel is three weeks late and tracking has not moved.')]);
    expect(h.model.suggestions.value.map((s) => s.step)).toContain('acknowledge');
  });

  it('composes a reply from the chosen steps, greeting the requester by first name', () => {
    const h = harness();
    h.open('demo:1041', doubleCharge);
    h.model.toggleCompose('apologise');
    h.model.toggleCompose('options');
    const reply = h.model.composedReply.value;
    expect(reply).toMatch(/^(Hi|Hello|Dear) Sarah/);
    const apology = h.model.wordingOf(h.model.suggestions.value.find((s) => s.step === 'apologise')!);
    expect(reply).toContain(apology.slice(0, 20));
  });

  it('coaches the draft the agent is typing for this ticket only', () => {
    const h = harness();
    h.open('demo:1041', doubleCharge);
    h.deliver({ type: 'background/draft', tabId: h.tab, ticketKey: 'other', text: 'Obviously you should have read the FAQ.' });
    expect(h.model.coachIssues.value).toEqual([]);
    h.deliver({ type: 'background/draft', tabId: h.tab, ticketKey: 'demo:1041', text: 'Obviously you should have read the FAQ.' });
    const kinds = h.model.coachIssues.value.map((i) => i.kind);
    expect(kinds).toContain('condescension');
    expect(kinds).toContain('blame');
  });

  describe('log entries for the QA review', () => {
    const logged = (sent: PanelMessage[]) => sent.filter((m): m is Extract<PanelMessage, { type: 'panel/log' }> => m.type === 'panel/log').map((m) => m.entry);

    it('logs each step as shown once per customer message, then what the agent did', async () => {
      const h = harness();
      h.open('demo:1041', doubleCharge);
      const steps = h.model.suggestions.value.map((s) => s.step);
      h.open('demo:1041', doubleCharge, false); // the same conversation again: nothing new is shown
      expect(logged(h.sent).filter((e) => e.action === 'shown').map((e) => e.step)).toEqual(steps);
      const shown = logged(h.sent)[0]!;
      expect(shown).toMatchObject({ messageKey: '3', packId: pack.meta.id, frustration: h.model.latestCustomer.value!.analysis.frustration });
      expect(shown.ruleIds).toContain('repeat_contact.nth-time');
      expect(shown.categories).toContain('company_mistake');

      const apology = h.model.suggestions.value.find((s) => s.step === 'apologise')!;
      const text = h.model.wordingOf(apology);
      h.model.insert(text, apology);
      const request = h.sent.at(-1) as Extract<PanelMessage, { type: 'panel/insert' }>;
      h.deliver({ type: 'background/inserted', tabId: h.tab, requestId: request.requestId, outcome: { ok: true, editor: 'contenteditable' } });
      expect(logged(h.sent).at(-1)).toMatchObject({ action: 'inserted', step: 'apologise', suggestionId: apology.sources[0] });

      // The draft still holds the words: no edit. Then the agent rewrites them: one `edited`.
      h.deliver({ type: 'background/draft', tabId: h.tab, ticketKey: 'demo:1041', text: `Hi Sarah, ${text} More soon.` });
      expect(logged(h.sent).some((e) => e.action === 'edited')).toBe(false);
      h.deliver({ type: 'background/draft', tabId: h.tab, ticketKey: 'demo:1041', text: 'Hi Sarah, sorry about all this.' });
      h.deliver({ type: 'background/draft', tabId: h.tab, ticketKey: 'demo:1041', text: 'Hi Sarah, sorry about all this!' });
      expect(logged(h.sent).filter((e) => e.action === 'edited')).toHaveLength(1);

      h.model.dismiss('options');
      h.model.rate(h.model.suggestions.value[0]!, false, 'too formal');
      const cue = h.model.latestCustomer.value!.analysis.cues[0]!;
      h.model.wrongCue(cue);
      expect(logged(h.sent).slice(-3).map((e) => [e.action, e.step ?? null, e.reason ?? null])).toEqual([
        ['dismissed', 'options', null],
        ['rated_down', h.model.suggestions.value[0]!.step, 'too formal'],
        ['wrong_cue', null, cue.text],
      ]);
      expect(logged(h.sent).at(-1)!.ruleIds).toEqual([cue.ruleId]);
    });
  });

  it('reports a rule the time budget turned off: a quiet notice, and one rule_disabled log event', () => {
    const slowPack = testPack({ 'pack/slow.yaml': SLOW_RULES });
    const clock = { now: 0 };
    slowRegex(slowPack, 'slow.regex', 90, clock);
    const sent: PanelMessage[] = [];
    let deliver: (m: BackgroundToPanel) => void = () => undefined;
    const model = createPanelModel(slowPack, { send: (m) => sent.push(m), onMessage: (l) => (deliver = l), onTab: (l) => l(3) }, async () => undefined, { clock: () => clock.now });
    const messages = [msg('a', 'customer', 'What a slowpoke.'), msg('b', 'customer', `A ${SLOW_MARKER} slowpoke, still waiting.`)];
    const show = (upserts: ConversationMessage[]) => deliver({
      type: 'background/conversation', tabId: 3, readAt: Date.now(),
      delta: { helpdesk: 'demo', ticketKey: 't1', upserts, keys: upserts.map((m) => m.key), reset: true },
    });
    show(messages.slice(0, 1));
    expect(model.disabledRules.value).toEqual([]);
    show(messages);
    expect(model.disabledRules.value).toMatchObject([{ ruleId: 'slow.regex', ms: 90, budgetMs: 50, chars: messages[1]!.text.length }]);
    expect(model.latestCustomer.value!.analysis.cues.map((c) => c.ruleId)).toEqual(['delay.waiting']);
    show([...messages, msg('c', 'customer', 'Another slowpoke.')]);
    const events = sent.filter((m): m is Extract<PanelMessage, { type: 'panel/log' }> => m.type === 'panel/log').map((m) => m.entry).filter((e) => e.action === 'rule_disabled');
    expect(events).toEqual([{
      action: 'rule_disabled', messageKey: 'b', packId: 'test-pack', packVersion: '1.0.0', ruleIds: ['slow.regex'], categories: ['frustration'],
      frustration: 0, boundary: false, reason: `rule slow.regex was disabled: took 90 ms on a message of ${messages[1]!.text.length} characters (budget 50 ms)`,
    }]);
  });
});
