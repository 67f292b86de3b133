import { describe, expect, it } from 'vitest';
import { analyzeMessage, analyzeThread, createAnalyzer, runExamples } from '../../src/engine';
import { testPack } from './helpers';

const pack = testPack();
const cues = (text: string) => analyzeMessage(text, pack).cues.map((c) => `${c.ruleId}:${c.text}`);

describe('analyzeMessage', () => {
  it('finds cues with exact offsets, category, reason and the words that triggered them', () => {
    const text = 'Hello. I was charged twice and I am still waiting!';
    const m = analyzeMessage(text, pack);
    expect(m.cues.map((c) => [c.ruleId, c.category, text.slice(c.start, c.end)])).toEqual([
      ['mistake.charged-twice', 'company_mistake', 'charged twice'],
      ['delay.waiting', 'delay', 'still waiting'],
    ]);
    expect(m.cues[0]!.reason).toBe('Double charge.');
    expect(m.categories.map((c) => c.category)).toEqual(['company_mistake', 'delay']);
    expect(m.complaint).toBe(true);
    expect(m.score).toBeCloseTo(1 - Math.exp(-1.1), 3);
  });

  it('matches inflections and tags from patterns', () => {
    expect(cues('I waited for 3 weeks')).toEqual(['delay.waiting:waited for 3 weeks']);
    expect(cues("we have been waiting over a week")).toEqual([]); // literal alternatives are not inflected: "week" is not "weeks"
    expect(cues('waiting for my refunds')).toEqual(['delay.waiting:waiting for my refunds']);
  });

  it('cancels a cue when an exception stands in the same sentence, and keeps the trace', () => {
    const m = analyzeMessage('No rush, I am still waiting on my boss anyway.', pack);
    expect(m.cues).toEqual([]);
    expect(m.cancelled[0]).toMatchObject({ ruleId: 'delay.waiting', cancelledBy: 'exception', by: 'No rush' });
    expect(cues('No rush. Still waiting though.')).toEqual(['delay.waiting:Still waiting']);
    expect(cues('The delivery was not late at all.')).toEqual([]);
  });

  it('cancels negated cues, and reads negated praise as dissatisfaction', () => {
    expect(cues('The parcel was not late.')).toEqual([]);
    expect(cues('It was late, but not the end of the world.')).toEqual(['delay.late:late']);
    const m = analyzeMessage('Your agent was not helpful', pack);
    expect(m.cues).toEqual([expect.objectContaining({ ruleId: 'calm.thanks.negated', category: 'complaint', text: 'not helpful' })]);
    expect(m.score).toBeGreaterThan(0);
  });

  it('does not read quoted history or signatures as the customer words', () => {
    const text = 'Thanks, that fixed it.\n\nOn Mon, 3 Mar 2025 at 10:02, Bob <b@x.com> wrote:\n> you idiots, still waiting, charged twice';
    const m = analyzeMessage(text, pack);
    expect(m.cues.map((c) => c.ruleId)).toEqual(['calm.thanks']);
    expect(m.boundary).toBe(false);
    expect(m.complaint).toBe(false);
  });

  it('sees through HTML entities, elongations, lowercase and curly quotes', () => {
    expect(cues('i was CHARGED TWICE &amp; still waitinggg')).toEqual(['mistake.charged-twice:CHARGED TWICE', 'delay.waiting:still waitinggg']);
    expect(cues('Thanks for nothing')).toEqual([]);
  });

  it('amplifies negative evidence with shouting but does not turn calm text into a complaint', () => {
    const calm = analyzeMessage('I was charged twice', pack);
    const loud = analyzeMessage('I WAS CHARGED TWICE', pack);
    expect(loud.score).toBeGreaterThan(calm.score);
    const happy = analyzeMessage('THANK YOU SO MUCH', pack);
    expect(happy.complaint).toBe(false);
  });

  it('flags a boundary for abuse at people, not for swearing at a situation', () => {
    expect(analyzeMessage('you stupid idiots', pack).boundary).toBe(true);
    const swear = analyzeMessage('this damn app', pack);
    expect(swear.boundary).toBe(false);
    expect(swear.profanity).toBe(true);
  });

  it('handles bad input without throwing', () => {
    for (const text of ['', '   ', '\u0000\u0001\ufffe', '\ud800 lone \udc00 surrogates still waiting', '😡'.repeat(1000), '&#0; &#xD800; &bogus;']) {
      const m = analyzeMessage(text, pack);
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
    expect(cues('\ud800 still waiting')).toEqual(['delay.waiting:still waiting']);
    // Non-string input from untrusted callers.
    expect(analyzeMessage(undefined as unknown as string, pack).cues).toEqual([]);
  });

  it('analyses a 1 MB message (up to its limit) and stays sensible', () => {
    const big = 'I was charged twice. '.repeat(50_000);
    const m = analyzeMessage(big, pack);
    expect(m.cues.length).toBeGreaterThan(0);
    expect(m.cues.every((c) => c.end <= big.length)).toBe(true);
  });

  it('is deterministic', () => {
    const text = 'STILL WAITING, charged twice, you idiots!!!';
    expect(JSON.stringify(analyzeMessage(text, pack))).toBe(JSON.stringify(analyzeMessage(text, pack)));
  });

  it('reads agent replies with agent-scope rules only', () => {
    const m = analyzeMessage("I'm sorry, I was charged twice? Would you prefer a refund?", pack, 'agent');
    expect(m.cues.map((c) => c.category)).toEqual(['apologise', 'options']);
    expect(m.complaint).toBe(false);
  });
});

describe('analyzeThread', () => {
  it('reports trajectory, repeat contacts and the steps the agent covered', () => {
    const t = analyzeThread([
      { role: 'customer', text: 'Where is my parcel?' },
      { role: 'agent', text: "I'm sorry, let me check." },
      { role: 'internal', text: 'customer is an idiot (note)' },
      { role: 'customer', text: 'This is the third time I am writing. STILL WAITING and charged twice!!!' },
    ], pack);
    expect(t.latest?.index).toBe(3);
    expect(t.trajectory).toBe('rising');
    expect(t.repeatContacts).toBe(3);
    expect(t.covered.apologise).toBe(true);
    expect(t.covered.options).toBe(false);
    expect(t.messages[2]!.cues).toEqual([]);
    expect(t.threadCategories.map((c) => c.category)).toContain('repeat_contact');
  });

  it('calms when the customer thanks after a complaint, and counts turns', () => {
    const t = analyzeThread([
      { role: 'customer', text: 'I was charged twice and still waiting' },
      { role: 'customer', text: 'hello??' },
      { role: 'agent', text: 'Would you prefer a refund?' },
      { role: 'customer', text: 'Thank you, that was helpful' },
    ], pack);
    expect(t.trajectory).toBe('calming');
    expect(t.repeatContacts).toBe(2);
    expect(t.covered.options).toBe(true);
  });

  it('has no latest state for a thread without customer messages', () => {
    const t = analyzeThread([{ role: 'agent', text: 'Hello' }], pack);
    expect(t.latest).toBeNull();
    expect(t.trajectory).toBe('steady');
  });

  it('reuses cached message analyses and gives identical results', () => {
    const analyzer = createAnalyzer(pack);
    const thread = [{ role: 'customer' as const, text: 'still waiting' }, { role: 'agent' as const, text: "I'm sorry" }];
    const first = analyzer.analyze(thread);
    const second = analyzer.analyze([...thread, { role: 'customer', text: 'charged twice' }]);
    expect(second.messages[0]).toBe(first.messages[0]);
    expect(second.messages[2]!.index).toBe(2);
    expect(JSON.stringify(second)).toBe(JSON.stringify(analyzeThread([...thread, { role: 'customer', text: 'charged twice' }], pack)));
  });

  it('keeps a thread longer than its cache warm: an update re-reads only the new message', () => {
    const analyzer = createAnalyzer(pack);
    const long = Array.from({ length: 5_000 }, (_, i) => ({ role: (i % 2 ? 'agent' : 'customer') as 'agent' | 'customer', text: `still waiting (#${i})` }));
    const first = analyzer.analyze(long);
    const second = analyzer.analyze([...long, { role: 'customer', text: 'charged twice' }]);
    expect(second.messages.slice(0, 5_000).every((m, i) => m === first.messages[i])).toBe(true);
  });
});

describe('runExamples', () => {
  it('passes the test pack, and reports failures with file:line and the reason', () => {
    const report = runExamples(pack);
    const failures = report.failures.map((f) => `${f.ruleId} ${f.kind} ${f.line} ${f.message}`);
    // delay.waiting lists "still waiting" under no_match on purpose: it must fail there.
    expect(failures).toEqual([expect.stringMatching(/^delay\.waiting no_match \d+ expected no match, found "still waiting"$/)]);
    expect(report.examples).toBe(12);
  });

  it('checks the exact cue words when an example gives them', () => {
    const p = testPack({ 'pack/cue.yaml': 'rules:\n  - id: c.x\n    category: delay\n    reason: r\n    match:\n      phrases: [late]\n    examples:\n      match:\n        - { text: "so late", cue: "so late" }\n' });
    const report = runExamples(p, 'c.x');
    expect(report.failures[0]!.message).toBe('expected the cue "so late", found "late"');
    expect(report.failures[0]!.line).toBe(9);
  });
});

describe('words that are also JavaScript object keys', () => {
  it('treats constructor, toString, __proto__ and hasOwnProperty as plain words', () => {
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype']) {
      const m = analyzeMessage(`the ${word} is still waiting, third time ${word} &${word}; ${word.toLowerCase()}`, pack);
      expect(m.cues.map((c) => c.ruleId)).toContain('delay.waiting');
    }
  });
});

describe('patterns with hyphenated and multi-word alternatives', () => {
  it('matches "1-star", "charge-back" and "small claims" however they are written', () => {
    const p = testPack({ 'pack/h.yaml': 'rules:\n  - id: h.x\n    category: escalation_threat\n    reason: r\n    match:\n      patterns: ["(1-star|one star) review", "(chargeback|charge-back|small claims) e-mail?"]\n    examples:\n      match: [a 1-star review]\n' });
    const hits = (t: string) => analyzeMessage(t, p).cues.map((c) => c.text);
    expect(hits('I will leave a 1-star review')).toEqual(['1-star review']);
    expect(hits('I will leave a 1 star review')).toEqual(['1 star review']);
    expect(hits('one star review it is')).toEqual(['one star review']);
    expect(hits('a charge-back e-mail')).toEqual(['charge-back e-mail']);
    expect(hits('small claims court')).toEqual(['small claims']);
    expect(hits('a 5-star review')).toEqual([]);
  });
});

describe('negation stays inside its clause', () => {
  it('does not reach across commas or clause words like "if"', () => {
    expect(cues("If it's not fixed, I was charged twice")).toEqual(['mistake.charged-twice:charged twice']);
    expect(cues('not now, still waiting')).toEqual(['delay.waiting:still waiting']);
    expect(cues('never if still waiting')).toEqual(['delay.waiting:still waiting']);
    expect(cues('I am not still waiting')).toEqual([]);
  });

  it('accepts spaced anchors and anchored alternatives in patterns', () => {
    const p = testPack({ 'pack/a.yaml': 'rules:\n  - id: a.x\n    category: abuse\n    reason: r\n    match:\n      patterns: ["^ die", "^(go away|shut up)", "done $"]\n    examples:\n      match: [die]\n' });
    const hits = (t: string) => analyzeMessage(t, p).cues.map((c) => c.text);
    expect(hits('die')).toEqual(['die']);
    expect(hits('do not die')).toEqual([]);
    expect(hits('shut up already')).toEqual(['shut up']);
    expect(hits('I am done')).toEqual(['done']);
    expect(hits('done with it')).toEqual([]);
  });
});

describe('#Caps', () => {
  it('matches words written in capitals, cheaply', () => {
    const p = testPack({ 'pack/c.yaml': 'rules:\n  - id: c.x\n    category: frustration\n    reason: r\n    match:\n      patterns: ["still #Caps"]\n    examples:\n      match: [still BROKEN]\n' });
    expect(analyzeMessage('it is still BROKEN', p).cues.map((c) => c.text)).toEqual(['still BROKEN']);
    expect(analyzeMessage('it is still broken', p).cues).toEqual([]);
  });
});

describe('regexes run line by line', () => {
  it('finds matches on later lines with offsets into the whole text, and anchors mean line ends', () => {
    const p = testPack({ 'pack/r.yaml': "rules:\n  - id: r.x\n    category: complaint\n    reason: r\n    match:\n      regex: ['!{2,}', '(?i)^why\\b']\n    examples:\n      match: [no!!]\n" });
    const text = 'Hello there.\nWhy is this late!!\nwhy';
    const hits = analyzeMessage(text, p).cues.filter((c) => c.ruleId === 'r.x').map((c) => [c.start, c.end, text.slice(c.start, c.end)]);
    expect(hits).toEqual([[13, 16, 'Why'], [29, 31, '!!'], [32, 35, 'why']]);
  });
});
