/** coach() logic on a small in-memory pack (the default pack's rules are tested by coach-fixtures). */
import { describe, expect, it } from 'vitest';
import { analyzeMessage, coach } from '../../src/engine';
import { testPack } from '../engine/helpers';

const pack = testPack({
  'pack/coach.yaml': `rules:
  - id: coach.vague
    category: vague_apology
    scope: agent
    negatable: false
    reason: Vague apology.
    advice: Name the problem.
    rewrite: I'm sorry we charged you twice.
    match:
      phrases: [we apologise for any inconvenience]
    examples:
      match: [We apologise for any inconvenience.]
  - id: coach.blame
    category: blame
    scope: agent
    reason: Blame.
    advice: Do not blame the customer.
    match:
      phrases: [you should have]
    examples:
      match: [you should have checked]
  - id: agent.fault
    category: no_apology
    scope: agent
    reason: The draft names a fault on our side.
    match:
      phrases: [a mistake on our side]
    examples:
      match: [There was a mistake on our side.]
  - id: agent.ack
    category: acknowledge
    scope: agent
    reason: Empathy.
    match:
      phrases: [i can see why]
    examples:
      match: [I can see why]
`,
});
const kinds = (draft: string, customer: string | null) => coach(draft, customer === null ? null : analyzeMessage(customer, pack), pack).map((i) => i.kind);

describe('coach', () => {
  it('reports phrase issues with offsets, advice and a rewrite', () => {
    const draft = 'Well, you should have checked. Would you prefer a refund?';
    const [issue] = coach(draft, null, pack);
    expect(issue).toMatchObject({ kind: 'blame', text: 'you should have', advice: 'Do not blame the customer.' });
    expect(draft.slice(issue!.start, issue!.end)).toBe('you should have');
  });

  it('finds the gaps: no empathy, no apology, no options, for an upset customer with a company mistake', () => {
    expect(kinds('Please see the attached invoice.', 'I was charged twice!!! STILL WAITING FOR MY REFUND')).toEqual(['no_apology', 'no_empathy', 'no_options']);
  });

  it('flags a vague apology only when there is a specific mistake, as the one issue (not also no_apology)', () => {
    const draft = 'We apologise for any inconvenience. Would you prefer a refund?';
    const issues = coach(draft, analyzeMessage('I was charged twice.', pack), pack);
    expect(issues.map((i) => i.kind)).toEqual(['vague_apology']);
    expect(issues[0]!.rewrite).toBe("I'm sorry we charged you twice.");
    expect(kinds(draft, 'What are your opening hours?')).toEqual([]);
  });

  it('asks for empathy only when the customer shows a feeling, not just a problem', () => {
    expect(kinds('Please see the attached invoice.', 'I was charged twice.')).toEqual(['no_apology', 'no_options']);
    expect(kinds('Please see the attached invoice.', 'I was charged twice, this damn bank.')).toEqual(['no_apology', 'no_empathy', 'no_options']);
  });

  it('reads the draft itself: a named fault owes an apology, an apology owes a next step', () => {
    expect(kinds('There was a mistake on our side.', 'Where is my order?')).toEqual(['no_apology', 'no_options']);
    expect(kinds("I'm sorry about that.", 'Where is my order?')).toEqual(['no_options']);
    expect(kinds("There was a mistake on our side and I'm sorry. Would you prefer a refund?", 'Where is my order?')).toEqual([]);
    expect(kinds('Your order ships on Monday.', 'Where is my order?')).toEqual([]);
  });

  it('gives a good draft no issues', () => {
    expect(kinds("I can see why that's maddening, and I'm sorry we charged you twice. Would you prefer a refund or credit?", 'I was charged twice!!')).toEqual([]);
    expect(kinds('', 'I was charged twice')).toEqual([]);
  });
});

describe('cancelled matches', () => {
  it('silence shorter matches of the same rule inside them', () => {
    const p = testPack({ 'pack/o.yaml': 'rules:\n  - id: o.x\n    category: complaint\n    reason: r\n    match:\n      phrases: [will definitely arrive, definitely arrive]\n    examples:\n      match: [it will definitely arrive]\n' });
    expect(analyzeMessage("I can't say it will definitely arrive", p).cues).toEqual([]);
    expect(analyzeMessage('it will definitely arrive', p).cues.map((c) => c.text)).toEqual(['will definitely arrive']);
  });
});
