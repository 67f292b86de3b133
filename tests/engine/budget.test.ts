/**
 * The per-rule time budget, with an injected clock: the "slow" regex advances the clock when it
 * reads a message with a marker word, so which rule is slow, on which message, is exact.
 */
import { describe, expect, it } from 'vitest';
import {
  createAnalyzer, DEFAULT_RULE_BUDGET_MS, describeDisabledRule, type CompiledPack, type ThreadMessage,
} from '../../src/engine';
import { buildThread, complaint2kb, loadTemplates } from '../../src/cli/bench/texts';
import { compilePackDir } from '../../src/cli/pack-files';
import { loadLabelledFixtures } from '../fixtures/labelled/load';
import { slowRegex, SLOW_RULES, testPack } from './helpers';

const WALL = 1_700_000_000_000;

/** The test pack with a slow regex (see slowRegex): an analyzer over it with the fake clock. */
function slowPack(ms: number, options: { once?: boolean; ruleBudgetMs?: number } = {}) {
  const pack = testPack({ 'pack/slow.yaml': SLOW_RULES });
  const clock = { now: 0 };
  slowRegex(pack, 'slow.regex', ms, clock, options.once);
  const analyzer = createAnalyzer(pack, { clock: () => clock.now, wallClock: () => WALL, ruleBudgetMs: options.ruleBudgetMs });
  return { pack, clock, analyzer };
}

const ruleIds = (analysis: { cues: Array<{ ruleId: string }> } | null) => (analysis?.cues ?? []).map((c) => c.ruleId);

describe('per-rule time budget', () => {
  it('turns off a rule that is slow on one message, drops its result there and keeps it off; other rules are unaffected', () => {
    const { analyzer } = slowPack(80);
    const fast = 'I am still waiting, you slowpoke.';
    expect(ruleIds(analyzer.analyze([{ role: 'customer', text: fast }]).latest)).toEqual(['delay.waiting', 'slow.regex']);

    const slow = 'Still waiting. A pathological slowpoke reply, charged twice.';
    const thread = analyzer.analyze([{ role: 'customer', text: slow }]);
    expect(ruleIds(thread.latest)).toEqual(['delay.waiting', 'mistake.charged-twice']);
    expect(thread.disabledRules).toEqual([{
      ruleId: 'slow.regex', packId: 'test-pack', packVersion: '1.0.0', ms: 80, budgetMs: DEFAULT_RULE_BUDGET_MS,
      chars: slow.length, role: 'customer', messageIndex: 0, at: WALL,
    }]);
    expect(describeDisabledRule(thread.disabledRules![0]!)).toBe(`rule slow.regex was disabled: took 80 ms on a message of ${slow.length} characters (budget 50 ms)`);

    // Off for the rest of the analyzer's life, also for the message it matched before (no stale cache).
    expect(ruleIds(analyzer.analyze([{ role: 'customer', text: fast }]).latest)).toEqual(['delay.waiting']);
    expect(ruleIds(analyzer.analyze([{ role: 'customer', text: 'slowpoke slowpoke' }]).latest)).toEqual([]);
    expect(analyzer.disabledRules().map((d) => d.ruleId)).toEqual(['slow.regex']);
    // A new analyzer (a new session) starts with every rule on.
    const fresh = createAnalyzer(analyzer.pack, { ruleBudgetMs: Infinity });
    expect(ruleIds(fresh.analyze([{ role: 'customer', text: fast }]).latest)).toEqual(['delay.waiting', 'slow.regex']);
  });

  it('reads the earlier messages of a thread again when a later one turns a rule off', () => {
    const { analyzer } = slowPack(200);
    const thread: ThreadMessage[] = [
      { role: 'customer', text: 'What a slowpoke.' },
      { role: 'agent', text: "I'm sorry about that." },
      { role: 'customer', text: 'A pathological slowpoke, still waiting.' },
    ];
    const a = analyzer.analyze(thread);
    expect(a.messages.map(ruleIds)).toEqual([[], ['agent.sorry'], ['delay.waiting']]);
    expect(a.disabledRules).toMatchObject([{ ruleId: 'slow.regex', messageIndex: 2, ms: 200 }]);
  });

  it('does not turn off a rule that was slow only once (a pause, a cold start): it is measured again, and its hits stay', () => {
    const { analyzer, pack } = slowPack(500, { once: true });
    const text = 'A pathological slowpoke, still waiting.';
    const a = analyzer.analyze([{ role: 'customer', text }]);
    expect(a.disabledRules).toBeUndefined();
    expect(a.latest).toEqual(createAnalyzer(pack, { ruleBudgetMs: Infinity }).analyze([{ role: 'customer', text }]).latest);
    expect(ruleIds(a.latest)).toContain('slow.regex');
  });

  it('gives a long message a budget in proportion to its length', () => {
    const long = `slowpoke pathological ${'and so on '.repeat(4000)}`; // 40,022 characters: twice the fixed-budget length
    const { analyzer } = slowPack(90);
    expect(analyzer.analyze([{ role: 'customer', text: long }]).disabledRules).toBeUndefined();
    const { analyzer: other } = slowPack(120);
    expect(other.analyze([{ role: 'customer', text: long }]).disabledRules).toMatchObject([{ ruleId: 'slow.regex', ms: 120, budgetMs: 100, chars: long.length }]);
  });

  it('takes its budget from the options', () => {
    const text = 'a pathological slowpoke';
    expect(slowPack(30).analyzer.analyze([{ role: 'customer', text }]).disabledRules).toBeUndefined();
    expect(slowPack(30, { ruleBudgetMs: 20 }).analyzer.analyze([{ role: 'customer', text }]).disabledRules).toMatchObject([{ ruleId: 'slow.regex', ms: 30, budgetMs: 20 }]);
  });

  it('shares the phrase-and-pattern pass out between rules by their matching steps', () => {
    const pack = testPack({ 'pack/slow.yaml': SLOW_RULES });
    let now = 0;
    // Each matching step of the star pattern costs 1 ms on the fake clock.
    const seq = pack.customer.sequences.find((s) => s.rule === pack.byId.get('slow.pattern')!.index)!;
    seq.terms = new Proxy(seq.terms, { get: (terms, key) => (key === 'length' && (now += 1), Reflect.get(terms, key)) });
    const analyzer = createAnalyzer(pack, { clock: () => now });
    const calm = analyzer.analyze([{ role: 'customer', text: 'zebra and a quagga. Still waiting.' }]);
    expect(calm.disabledRules).toBeUndefined();
    expect(ruleIds(calm.latest)).toEqual(['slow.pattern', 'delay.waiting']);
    const a = analyzer.analyze([{ role: 'customer', text: `${'zebra '.repeat(30)}. Still waiting, still waiting.` }]);
    expect(a.disabledRules).toMatchObject([{ ruleId: 'slow.pattern' }]);
    expect(a.disabledRules![0]!.ms).toBeGreaterThan(50);
    expect(new Set(ruleIds(a.latest))).toEqual(new Set(['delay.waiting']));
  });

  it('stops using a group prefilter that holds a disabled rule', () => {
    const { analyzer, pack } = slowPack(80);
    analyzer.analyze([{ role: 'customer', text: 'pathological slowpoke' }]);
    const group = pack.customer.regexGroups.find((g) => g.members.some((m) => pack.customer.regexes[m]!.rule === pack.byId.get('slow.regex')!.index))!;
    if (!group.any) return; // a group of one has no prefilter
    let prefilterRuns = 0;
    const original = group.any;
    group.any = Object.assign(Object.create(original) as typeof original, { test: (t: string) => (prefilterRuns++, original.test(t)) });
    expect(ruleIds(analyzer.analyze([{ role: 'customer', text: 'I AM VERY ANGRY' }]).latest)).toEqual(['frustration.shouting']);
    expect(prefilterRuns).toBe(0);
  });

  it('with no budget (Infinity) reads no clock at all', () => {
    const pack = testPack();
    let reads = 0;
    createAnalyzer(pack, { ruleBudgetMs: Infinity, clock: () => ++reads }).analyze([{ role: 'customer', text: 'still waiting' }]);
    expect(reads).toBe(0);
  });
});

describe('per-rule time budget with the real clock', () => {
  const loaded = compilePackDir('rules/en-default');
  if (!loaded.ok) throw new Error('the default pack does not compile');
  const pack: CompiledPack = loaded.pack;

  it('disables nothing of the default pack on the test texts, the bench texts and the labelled fixtures', () => {
    const analyzer = createAnalyzer(pack);
    for (const item of loadLabelledFixtures()) analyzer.analyze(item.thread ? [...item.thread, { role: 'customer', text: item.text }] : [{ role: 'customer', text: item.text }]);
    analyzer.analyze(buildThread(loadTemplates(), 50));
    const complaint = complaint2kb();
    analyzer.analyze([{ role: 'customer', text: complaint }, { role: 'agent', text: complaint }]);
    // The longest message analysed: 200,000 characters of real complaint text.
    analyzer.analyze([{ role: 'customer', text: complaint.repeat(100).slice(0, 200_000) }]);
    expect(analyzer.disabledRules()).toEqual([]);
  });

  it('gives the same result as no budget', () => {
    const complaint = complaint2kb();
    const thread: ThreadMessage[] = [{ role: 'customer', text: complaint }];
    expect(createAnalyzer(pack).analyze(thread)).toEqual(createAnalyzer(pack, { ruleBudgetMs: Infinity }).analyze(thread));
  });

});
