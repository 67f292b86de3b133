/**
 * The per-rule time budget. Regexes are linear-time and packs have size limits, but a rule can
 * still be slow on a long message (a huge alternation, a pattern full of `*`). Each costly unit of
 * a rule's work is timed; a rule whose work on one message adds up to more than the budget is
 * turned off for the rest of the analyzer's life (the session: a side panel or options page), its
 * hits on that message are dropped, and the analyzer reports it. Normal rules take well under a
 * millisecond, so the budget only ever affects a rule that really took too long.
 *
 * What is measured (a clock reading costs far more than a matching step, so the hot path reads it
 * a few dozen times per message, not per word):
 * - each regex of a rule (the test over the text and the match-finding on its lines); a group's
 *   combined prefilter regex that alone takes longer than the budget makes its members run one by
 *   one on that message, to find the slow one;
 * - phrases and patterns: the pass over the words is timed as a whole (and again every
 *   CHECK_STEPS matching steps), and its time is shared out between rules by their matching steps;
 * - compromise's confirmation of a pattern's tags (matching only: tagging a sentence is shared work).
 *
 * A clock measures more than the rule: a garbage-collection pause, another process, or a regex
 * building its matching state on first use can make one measurement long. So a rule that goes over
 * is stopped for that message and measured again, alone, on the same message; only when it goes
 * over again is it turned off. Otherwise the second run's hits are used (they are complete), so
 * the result of a normal rule never depends on the clock.
 *
 * The matchers are linear-time, so a long message takes longer: the budget holds for messages up
 * to BUDGET_CHARS characters and grows in proportion above that. What it catches is a rule that is
 * slow per character, not a long message.
 */
import type { CompiledPack } from '../compile/compiled';
import type { MessageRole } from '../vocabulary';

/**
 * Default budget per rule per message. A rule of the built-in pack takes well under 1 ms on a 2 KB
 * message (its slowest regex about 9 ms on 20,000 characters on a busy machine), so 50 ms leaves room
 * for a slow machine, yet stops a slow rule before the panel feels stuck.
 */
export const DEFAULT_RULE_BUDGET_MS = 50;
/** Message length up to which the budget is fixed; above it, it grows in proportion. */
export const BUDGET_CHARS = 20_000;

/** Matching steps between two clock readings in the phrase-and-pattern pass (a few milliseconds of work). */
const CHECK_STEPS = 200_000;

export interface BudgetOptions {
  /** Milliseconds a rule may spend on a message of up to BUDGET_CHARS characters (default DEFAULT_RULE_BUDGET_MS; Infinity: no budget, nothing timed). */
  ruleBudgetMs?: number;
  /** Monotonic clock in ms (default performance.now); tests inject their own. */
  clock?: () => number;
  /** Wall clock for the `at` of a report (default Date.now). */
  wallClock?: () => number;
}

/** A rule the budget turned off, with the numbers that explain why. */
export interface DisabledRule {
  ruleId: string;
  packId: string;
  packVersion: string;
  /** Time the rule had spent on the message when it was stopped, the longer of its two runs (ms, one decimal). */
  ms: number;
  /** The budget for that message (ms). */
  budgetMs: number;
  /** Length of the message it was analysing, in characters. */
  chars: number;
  role: MessageRole;
  /** Index of that message in the thread being analysed. */
  messageIndex: number;
  /** When it happened (ms since the epoch). */
  at: number;
}

/** One line for editors, logs and the CLI. */
export function describeDisabledRule(d: DisabledRule): string {
  return `rule ${d.ruleId} was disabled: took ${d.ms} ms on a message of ${d.chars} characters (budget ${d.budgetMs} ms)`;
}

export class RuleBudget {
  readonly clock: () => number;
  /** By rule index: 1 when the matchers must not run the rule in this pass (off, stopped, or not the rule measured again). */
  readonly skip: Uint8Array;
  readonly disabled: DisabledRule[] = [];
  /** The budget for the current message (ms). */
  limitMs: number;
  private readonly baseMs: number;
  private readonly wallClock: () => number;
  /** By rule index: 1 once the rule is disabled for the session. */
  private readonly off: Uint8Array;
  /** Time spent per rule on the current message; `touched` lists the rules to reset. */
  private readonly spent: Float64Array;
  private readonly touched: number[] = [];
  /** Rules stopped on the current message, to be measured again. */
  private stopped: Array<{ rule: number; ms: number }> = [];
  private again = false;
  /** The phrase-and-pattern pass: matching steps per rule since the last clock reading. */
  private readonly steps: Float64Array;
  private readonly stepped: number[] = [];
  private passSteps = 0;
  private passClock = 0;
  /** Regex groups whose combined prefilter includes a disabled rule: their members run one by one. */
  private readonly unfiltered = new Set<object>();
  private message = { chars: 0, role: 'customer' as MessageRole, index: 0 };

  constructor(
    private readonly pack: CompiledPack,
    options: BudgetOptions = {},
  ) {
    this.baseMs = options.ruleBudgetMs ?? DEFAULT_RULE_BUDGET_MS;
    this.limitMs = this.baseMs;
    this.clock = options.clock ?? (() => performance.now());
    this.wallClock = options.wallClock ?? (() => Date.now());
    this.off = new Uint8Array(pack.rules.length);
    this.skip = new Uint8Array(pack.rules.length);
    this.spent = new Float64Array(pack.rules.length);
    this.steps = new Float64Array(pack.rules.length);
  }

  /** Starts the accounting for one message. */
  begin(chars: number, role: MessageRole, index: number): void {
    this.resetSpent();
    this.skip.set(this.off);
    this.stopped = [];
    this.again = false;
    this.message = { chars, role, index };
    this.limitMs = Math.round(this.baseMs * Math.max(1, chars / BUDGET_CHARS));
  }

  /** Adds time to a rule's account for this message; false (and the rule stopped) once it is over budget. */
  charge(rule: number, ms: number): boolean {
    const before = this.spent[rule]!;
    if (before === 0) this.touched.push(rule);
    const spent = before + (ms > 0 ? ms : Number.MIN_VALUE);
    this.spent[rule] = spent;
    if (spent <= this.limitMs) return true;
    if (!this.skip[rule]) {
      this.skip[rule] = 1;
      if (!this.again) this.stopped.push({ rule, ms: spent });
    }
    return false;
  }

  /**
   * After the matchers' pass over a message: each rule stopped on it runs again alone (`rerun`
   * gets only that rule's hits). Over budget again: the rule is turned off and loses its hits;
   * otherwise its hits from the second run replace those of the first.
   */
  settle<H extends { rule: number }>(hits: H[], rerun: () => H[]): H[] {
    if (this.stopped.length === 0) return this.disabled.length > 0 ? hits.filter((h) => !this.off[h.rule]) : hits;
    const stopped = this.stopped;
    const isStopped = new Set(stopped.map((s) => s.rule));
    const kept = hits.filter((h) => !this.off[h.rule] && !isStopped.has(h.rule));
    this.again = true;
    for (const { rule, ms } of stopped) {
      this.skip.fill(1);
      this.skip[rule] = 0;
      this.resetSpent();
      const second = rerun();
      if (this.skip[rule]) this.disable(rule, Math.max(ms, this.spent[rule]!));
      else kept.push(...second);
    }
    this.skip.set(this.off);
    this.again = false;
    this.stopped = [];
    return kept;
  }

  startPass(): void {
    this.passClock = this.clock();
  }

  /** Counts a rule's matching steps in the pass; true when the rule was just stopped (its hit is not wanted). */
  addSteps(rule: number, n: number): boolean {
    if (this.steps[rule] === 0) this.stepped.push(rule);
    this.steps[rule]! += n;
    this.passSteps += n;
    if (this.passSteps < CHECK_STEPS) return false;
    this.sharePass();
    return this.skip[rule] === 1;
  }

  endPass(): void {
    this.sharePass();
  }

  /** Time spent inside the pass on work charged elsewhere (or to no rule). */
  leaveOutOfPass(ms: number): void {
    this.passClock += ms;
  }

  /** Charges the pass's time since the last reading to the rules, by their share of the steps. */
  private sharePass(): void {
    const now = this.clock();
    const ms = now - this.passClock;
    this.passClock = now;
    if (this.passSteps > 0) for (const rule of this.stepped) this.charge(rule, (ms * this.steps[rule]!) / this.passSteps);
    for (const rule of this.stepped) this.steps[rule] = 0;
    this.stepped.length = 0;
    this.passSteps = 0;
  }

  /** False when the group's combined regex must not stand in for its members (it holds a disabled rule, or one rule runs again alone). */
  usesPrefilter(group: object): boolean {
    return !this.again && !this.unfiltered.has(group);
  }

  private resetSpent(): void {
    for (const rule of this.touched) this.spent[rule] = 0;
    this.touched.length = 0;
  }

  private disable(rule: number, spent: number): void {
    this.off[rule] = 1;
    for (const set of [this.pack.customer, this.pack.agent]) {
      for (const group of set.regexGroups) if (group.members.some((m) => set.regexes[m]!.rule === rule)) this.unfiltered.add(group);
    }
    const { chars, role, index } = this.message;
    this.disabled.push({
      ruleId: this.pack.rules[rule]!.id, packId: this.pack.meta.id, packVersion: this.pack.meta.version,
      ms: Math.round(spent * 10) / 10, budgetMs: this.limitMs, chars, role, messageIndex: index, at: this.wallClock(),
    });
  }
}
