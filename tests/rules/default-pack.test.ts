/**
 * The default English pack on the situations the issue names: harmless senses and negation stay
 * quiet, real frustration is seen, quoted history does not count. Fixtures are our own sentences.
 */
import { describe, expect, it } from 'vitest';
import { createAnalyzer, runExamples, type MessageAnalysis } from '../../src/engine';
import { compilePackDir } from '../../src/cli/pack-files';

const result = compilePackDir();
if (!result.ok) throw new Error(result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
const pack = result.pack;
const analyzer = createAnalyzer(pack);
const analyze = (text: string): MessageAnalysis => analyzer.analyzeText(text);
const categories = (text: string) => analyze(text).categories.map((c) => c.category);

describe('default pack', () => {
  it('compiles without errors and every rule example passes', () => {
    const report = runExamples(pack);
    expect(report.failures.map((f) => `${f.file}:${f.line} ${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(pack.rules.length).toBeGreaterThan(40);
  });

  it('gives every rule a reason and examples on both sides', () => {
    for (const rule of pack.rules) {
      expect(rule.reason.length, rule.id).toBeGreaterThan(10);
      expect(rule.examples.match.length, rule.id).toBeGreaterThanOrEqual(1);
    }
    const customerRules = pack.rules.filter((r) => r.scope === 'customer');
    const withNoMatch = customerRules.filter((r) => r.examples.noMatch.length > 0).length;
    expect(withNoMatch / customerRules.length).toBeGreaterThan(0.9);
  });

  it.each([
    'The delivery was not late at all, thanks!',
    'No rush, take your time.',
    'What is your refund policy?',
    'The new dashboard is a killer feature.',
    'My manager asked me to buy 10 licences. Can you send a quote?',
    "I'm dying to try the new version.",
    'Could you tell me how to change my delivery address?',
    'Thanks so much, the replacement arrived today and works perfectly.',
  ])('stays calm on a harmless message: %s', (text) => {
    const m = analyze(text);
    expect(m.complaint, JSON.stringify(m.cues)).toBe(false);
    expect(m.boundary).toBe(false);
    expect(m.frustration).toBeLessThanOrEqual(1);
  });

  it.each([
    ['I have been waiting three weeks for my order and still nothing.', 'delay'],
    ['You charged me twice for the same subscription.', 'company_mistake'],
    ["This is the third time I'm writing about this.", 'repeat_contact'],
    ['I want to speak to your manager right now.', 'escalation_threat'],
    ["If this isn't fixed I'll dispute the charge with my bank.", 'escalation_threat'],
    ['That is not what I asked. Did you even read my message?', 'miscommunication'],
    ['The jacket is nothing like the pictures, not what I paid for.', 'unmet_expectation'],
    ["I need this for my daughter's birthday tomorrow and I'm at my wits' end.", 'personal_stress'],
    ['You are a useless idiot.', 'abuse'],
  ])('sees the trigger in: %s', (text, category) => {
    expect(categories(text)).toContain(category);
    expect(analyze(text).complaint).toBe(true);
  });

  it('sets a boundary for abuse at people but not for swearing about a situation', () => {
    expect(analyze('You are a useless idiot.').boundary).toBe(true);
    const swearing = analyze('This damn app keeps crashing.');
    expect(swearing.boundary).toBe(false);
    expect(swearing.complaint).toBe(true);
  });

  it('reads sarcasm and shouting as frustration', () => {
    const sarcasm = analyze('Great, just great, thanks for nothing.');
    expect(sarcasm.complaint).toBe(true);
    expect(sarcasm.frustration).toBeGreaterThanOrEqual(2);
    const calm = analyze('My order has not arrived yet.');
    const loud = analyze('MY ORDER HAS NOT ARRIVED YET!!!');
    expect(loud.score).toBeGreaterThan(calm.score);
  });

  it('ranks intensity: a question < a complaint < an angry complaint < abuse', () => {
    const levels = [
      'Hi, can you tell me when my order ships?',
      'My order is late and nobody has replied to my email.',
      "This is ridiculous!!! Three weeks late, nobody replies, I'm furious and I want a refund NOW.",
      'You useless idiots, three weeks and nothing, I will find you.',
    ].map((t) => analyze(t).score);
    for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeGreaterThan(levels[i - 1]!);
  });

  it('ignores quoted history and signatures', () => {
    const text = 'Thank you, that solved it!\n\nOn Tue, 4 Mar 2025 at 09:15, Help <help@acme.example> wrote:\n> You idiots charged me twice, this is the third time I am writing!!!\n\n--\nJohn Furious';
    const m = analyze(text);
    expect(m.complaint).toBe(false);
    expect(m.boundary).toBe(false);
    expect(m.categories).toEqual([]);
  });
});
