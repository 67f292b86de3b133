/**
 * The default pack's playbook on realistic tickets (our own): which steps, which situation's
 * wording comes first, and that slots are filled from the thread.
 */
import { describe, expect, it } from 'vitest';
import { composeReply, createAnalyzer, suggest, type ThreadMessage } from '../../src/engine';
import { loadPackDir } from '../../src/cli/pack-files';

const pack = loadPackDir();
const analyzer = createAnalyzer(pack);
const customer = (text: string): ThreadMessage => ({ role: 'customer', text });
const agent = (text: string): ThreadMessage => ({ role: 'agent', text });
const playbook = (thread: ThreadMessage[], options = {}) => suggest(analyzer.analyze(thread), pack, thread, options);
const firstIds = (thread: ThreadMessage[]) => Object.fromEntries(playbook(thread).map((s) => [s.step, s.ruleId]));

describe('default playbook on realistic tickets', () => {
  it.each([
    ['delay', 'My order #48213 was due last Monday and I have been waiting for three weeks now. Still nothing.'],
    ['company_mistake', 'You charged me twice for my subscription this month. I want the duplicate payment back.'],
    ['miscommunication', "That's not what I asked. Did you even read my message? I asked about the invoice, not the delivery."],
    ['unmet_expectation', 'The jacket is nothing like the pictures on your site. Not what I paid for at all.'],
  ])('a %s ticket gets acknowledgement, a specific apology, options and a follow-up', (category, text) => {
    const ids = firstIds([customer(text)]);
    expect(Object.keys(ids)).toEqual(['acknowledge', 'apologise', 'options', 'follow_up']);
    expect(ids.acknowledge).toBe(`play.acknowledge.${category}`);
    expect(ids.apologise).toBe(`play.apologise.${category}`);
    expect(ids.options).toBe(`play.options.${category}`);
  });

  it('gives a plain question no playbook and a thank-you nothing to apologise for', () => {
    expect(playbook([customer('Hi, what time does your shop open on Saturdays?')])).toEqual([]);
    expect(playbook([customer('Thanks so much, the replacement arrived and works perfectly!')]).map((s) => s.step)).not.toContain('apologise');
  });

  it('meets personal stress with empathy and options, not an apology for something we did not do', () => {
    const steps = playbook([customer("I need my passport documents back for my daughter's wedding abroad tomorrow and I'm at my wits' end.")]).map((s) => s.step);
    expect(steps).toContain('acknowledge');
    expect(steps).not.toContain('apologise');
  });

  it('escalates on a threat and follows the protocol', () => {
    const ids = firstIds([customer("This is unacceptable. I want to speak to your manager, or I'll dispute the charge with my bank.")]);
    expect(ids.escalate).toBe('play.escalate.escalation_threat');
  });

  it('grades the boundary as abuse repeats', () => {
    const first = [customer('You people are useless idiots.')];
    expect(firstIds(first).boundary).toMatch(/^play\.boundary\.first/);
    const second = [...first, agent('I want to help, and I ask that we keep this respectful.'), customer('Shut up, you moron.')];
    expect(firstIds(second).boundary).toBe('play.boundary.warning');
    const third = [...second, agent('If the language continues I will have to end this chat.'), customer('You are all brain-dead idiots.')];
    const ids = firstIds(third);
    expect(ids.boundary).toBe('play.boundary.end');
    expect(ids.options).toBeUndefined();
  });

  it('owns the problem on the third contact about the same delay, and varies an apology already made', () => {
    const thread = [
      customer('Where is my order #A5521? It has been two weeks.'),
      agent("I'm sorry for the delay, I've asked the courier for an update."),
      customer('Still waiting for order #A5521, nothing has changed.'),
      agent("I'm sorry, I've chased them again."),
      customer('This is the third time I am writing about order #A5521. Still not here!'),
    ];
    const apology = playbook(thread).find((s) => s.step === 'apologise');
    expect(apology?.ruleId).toMatch(/^play\.apologise\.(persistent|again)/);
  });

  it('fills the name, order and wait from the thread, and composes a whole reply', () => {
    const thread = [customer('Hi, my order #48213 has not arrived and I have been waiting for three weeks.\n\nThanks,\nPriya')];
    const steps = playbook(thread, { channel: 'email' });
    const all = steps.flatMap((s) => s.texts).join('\n');
    expect(all).toMatch(/#48213|three weeks/);
    const reply = composeReply(steps.map((s) => ({ step: s.step, text: s.texts[0]! })), { name: 'Priya', agent: 'Tom' });
    expect(reply).toMatch(/^Hi Priya,\n\n/);
    expect(reply).toMatch(/\n\nBest wishes,\nTom$/);
    expect(reply).not.toMatch(/[{}]|\s{3,}| ,/);
  });
});
