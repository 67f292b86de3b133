/** suggest() and composeReply() on a small in-memory playbook, so the logic is tested apart from the wording. */
import { describe, expect, it } from 'vitest';
import { analyzeThread, composeReply, suggest, type ThreadMessage } from '../../src/engine';
import { testPack } from '../engine/helpers';

const PLAYBOOK = `playbook:
  - id: ack.delay
    step: acknowledge
    categories: [delay]
    variants:
      - I can see why waiting {wait|this long} is frustrating.
      - { text: "I understand the delay is frustrating.", tone: formal }
      - { text: "Waiting {wait} is too long.", channel: chat }
  - id: ack.generic
    step: acknowledge
    variants: [I can see this has been frustrating., I hear you.]
  - id: sorry.delay
    step: apologise
    categories: [delay]
    variants: ["I'm sorry your order {order|} is late.", "Sorry it is late."]
  - id: sorry.delay.again
    step: apologise
    categories: [delay]
    when: { covered: [apologise] }
    variants: ["Again, I'm sorry.", "I know I've said it before: I'm sorry."]
  - id: sorry.delay.third
    step: apologise
    categories: [delay]
    when: { min_contacts: 3 }
    priority: 5
    variants: ["I'm taking this on personally.", "This is on me now."]
  - id: sorry.mistake
    step: apologise
    categories: [company_mistake]
    variants: ["I'm sorry we charged you twice.", "Sorry about the double charge."]
  - id: options.delay
    step: options
    categories: [delay]
    variants: ["I can expedite it or refund the shipping: which would you prefer?", "Shall I track it or cancel it?"]
  - id: options.generic
    step: options
    variants: ["Here is what I can do.", "Let me suggest two options."]
  - id: boundary.1
    step: boundary
    when: { boundary_level: 1 }
    variants: ["I want to help, and I ask that we keep this respectful.", "I'm here to help; please keep it respectful."]
  - id: boundary.2
    step: boundary
    when: { boundary_level: 2 }
    variants: ["If the language continues I will end this chat.", "This is a warning."]
  - id: followup
    step: follow_up
    variants: ["I'll check back tomorrow.", "Anything else I can help with?"]
`;
const pack = testPack({ 'pack/playbook.yaml': PLAYBOOK });
const run = (thread: ThreadMessage[], options = {}) => suggest(analyzeThread(thread, pack), pack, thread, options);
const steps = (thread: ThreadMessage[]) => run(thread).map((s) => `${s.step}:${s.ruleId}`);

describe('suggest', () => {
  it('builds the playbook in order, specific before generic, with two or more wordings', () => {
    const thread: ThreadMessage[] = [{ role: 'customer', text: 'I have been still waiting for my order #48213 for three weeks' }];
    const out = run(thread);
    expect(out.map((s) => `${s.step}:${s.ruleId}`)).toEqual(['acknowledge:ack.delay', 'apologise:sorry.delay', 'options:options.delay', 'follow_up:followup']);
    expect(out[0]!.texts[0]).toBe('I can see why waiting three weeks is frustrating.');
    expect(out[1]!.texts[0]).toBe("I'm sorry your order #48213 is late.");
    for (const s of out) expect(s.texts.length).toBeGreaterThanOrEqual(2);
  });

  it('fills fallbacks instead of showing empty slots, and honours tone and channel', () => {
    const thread: ThreadMessage[] = [{ role: 'customer', text: 'still waiting' }];
    const warm = run(thread);
    expect(warm[0]!.texts[0]).toBe('I can see why waiting this long is frustrating.');
    expect(warm[1]!.texts[0]).toBe("I'm sorry your order is late.");
    expect(run(thread, { tone: 'formal' })[0]!.texts[0]).toBe('I understand the delay is frustrating.');
    // The chat variant needs {wait}, which is unknown here: it is skipped, not shown half-filled.
    expect(run(thread, { channel: 'chat' })[0]!.texts.join('|')).not.toMatch(/Waiting +is/);
  });

  it('does not apologise when nothing went wrong', () => {
    expect(run([{ role: 'customer', text: 'What are your opening hours?' }])).toEqual([]);
    expect(steps([{ role: 'customer', text: 'you stupid idiots' }])).not.toContain('apologise:sorry.delay');
  });

  it('grades the boundary with repeated abuse and never apologises for it', () => {
    const first = steps([{ role: 'customer', text: 'you idiots' }]);
    expect(first).toContain('boundary:boundary.1');
    const second = steps([{ role: 'customer', text: 'you idiots' }, { role: 'agent', text: 'Please keep it respectful.' }, { role: 'customer', text: 'you morons' }]);
    expect(second).toContain('boundary:boundary.2');
    expect(second.some((s) => s.startsWith('apologise'))).toBe(false);
  });

  it('varies the apology once the agent has apologised, and owns it on the third contact', () => {
    const again = steps([{ role: 'customer', text: 'still waiting' }, { role: 'agent', text: "I'm sorry about that." }, { role: 'customer', text: 'STILL WAITING' }]);
    expect(again).toContain('apologise:sorry.delay.again');
    const third = steps([{ role: 'customer', text: 'still waiting' }, { role: 'agent', text: 'ok' }, { role: 'customer', text: 'still waiting' }, { role: 'agent', text: 'ok' }, { role: 'customer', text: 'This is the third time I am writing, still waiting' }]);
    expect(third).toContain('apologise:sorry.delay.third');
  });

  it('moves on when the agent already apologised and there is no wording for that case', () => {
    const out = steps([{ role: 'customer', text: 'charged twice' }, { role: 'agent', text: "I'm sorry." }, { role: 'customer', text: 'I was charged twice!' }]);
    expect(out.some((s) => s.startsWith('apologise'))).toBe(false);
  });

  it('is deterministic', () => {
    const thread: ThreadMessage[] = [{ role: 'customer', text: 'charged twice and still waiting, you idiots' }];
    expect(JSON.stringify(run(thread))).toBe(JSON.stringify(run(thread)));
  });
});

describe('composeReply', () => {
  const chosen = [
    { step: 'follow_up' as const, text: "I'll check back tomorrow." },
    { step: 'acknowledge' as const, text: 'I can see why waiting three weeks is frustrating.' },
    { step: 'apologise' as const, text: "I'm sorry your order is late." },
    { step: 'options' as const, text: 'I can expedite it or refund the shipping: which would you prefer?' },
  ];

  it('joins steps into greeting, paragraphs in playbook order and sign-off', () => {
    expect(composeReply(chosen, { name: 'Sarah', agent: 'Tom' })).toBe(
      "Hi Sarah,\n\nI can see why waiting three weeks is frustrating. I'm sorry your order is late.\n\nI can expedite it or refund the shipping: which would you prefer?\n\nI'll check back tomorrow.\n\nBest wishes,\nTom",
    );
  });

  it('has a formal form and a short chat form, and never writes "Hi ,"', () => {
    expect(composeReply(chosen, { tone: 'formal' })).toMatch(/^Hello,\n\n/);
    expect(composeReply(chosen, { tone: 'formal', name: 'Ms Jones' })).toMatch(/^Dear Ms Jones,/);
    const chat = composeReply(chosen, { channel: 'chat', name: 'Sarah' });
    expect(chat).toMatch(/^Hi Sarah, i can see why/i);
    expect(chat).not.toMatch(/Best wishes/);
    expect(composeReply(chosen, { name: '  ' })).toMatch(/^Hi there,/);
  });
});

describe('suggest: situations', () => {
  const extra = `playbook:
  - id: ack.mistake.billing
    step: acknowledge
    categories: [company_mistake]
    when: { rules: [mistake.charged-twice] }
    variants: [Being charged twice is maddening., A double charge is the last thing you need.]
  - id: ack.mistake
    step: acknowledge
    categories: [company_mistake]
    variants: [Mistakes like this are frustrating., I see what went wrong.]
  - id: ack.delay
    step: acknowledge
    categories: [delay]
    variants: [Waiting is hard., The wait is too long., Nobody likes waiting.]
  - id: opts
    step: options
    variants: [Option A or B?, Shall I do A?]
  - id: bound.3
    step: boundary
    when: { boundary_level: 3 }
    variants: [I will end this conversation now., I am closing this chat now.]
  - id: sorry.third
    step: apologise
    categories: [delay]
    when: { min_contacts: 3 }
    variants: [This is on me now., I own this now.]
  - id: sorry.delay
    step: apologise
    categories: [delay]
    variants: [Sorry it is late., Sorry for the wait.]
`;
  const p = testPack({ 'pack/x.yaml': extra });
  const go = (thread: ThreadMessage[]) => suggest(analyzeThread(thread, p), p, thread);

  it('prefers wording written for the rule that fired', () => {
    const ack = go([{ role: 'customer', text: 'I was charged twice.' }])[0]!;
    expect(ack.ruleId).toBe('ack.mistake.billing');
  });

  it('gives a second fitting situation a voice among the wordings', () => {
    const ack = go([{ role: 'customer', text: 'I was charged twice and I am still waiting for the refund.' }])[0]!;
    expect(new Set(ack.sources).size).toBeGreaterThan(1);
    expect(ack.texts.length).toBeLessThanOrEqual(4);
  });

  it('drops options when abuse persists, and composes the boundary before any options', () => {
    const abuse: ThreadMessage[] = [
      { role: 'customer', text: 'you idiots' }, { role: 'agent', text: 'Please keep it respectful.' },
      { role: 'customer', text: 'you morons' }, { role: 'agent', text: 'Last warning.' },
      { role: 'customer', text: 'you stupid idiots, still waiting' },
    ];
    const out = go(abuse);
    expect(out.map((s) => s.step)).toContain('boundary');
    expect(out.map((s) => s.step)).not.toContain('options');
    const reply = composeReply([{ step: 'options', text: 'Option A or B?' }, { step: 'boundary', text: 'Please keep it respectful.' }, { step: 'acknowledge', text: 'I hear you.' }]);
    expect(reply.indexOf('respectful')).toBeLessThan(reply.indexOf('Option A'));
  });

  it('counts contacts about the same problem, not every chat turn', () => {
    const chatty: ThreadMessage[] = [
      { role: 'customer', text: 'hello' }, { role: 'agent', text: 'hi' },
      { role: 'customer', text: 'are you there' }, { role: 'agent', text: 'yes' },
      { role: 'customer', text: 'I am still waiting for my order' },
    ];
    expect(go(chatty).find((s) => s.step === 'apologise')?.ruleId).toBe('sorry.delay');
    const chasing: ThreadMessage[] = [
      { role: 'customer', text: 'still waiting for my order' }, { role: 'agent', text: 'checking' },
      { role: 'customer', text: 'still waiting!' }, { role: 'agent', text: 'checking again' },
      { role: 'customer', text: 'I am STILL waiting for my order' },
    ];
    expect(go(chasing).find((s) => s.step === 'apologise')?.ruleId).toBe('sorry.third');
  });
});
