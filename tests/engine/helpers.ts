/** A small in-memory pack for engine tests, so they do not move when the default pack is tuned. */
import { compilePack, type CompiledPack, type PackFile } from '../../src/engine';

export const MANIFEST = `id: test-pack
version: 1.0.0
locale: en
description: Engine test pack.
scoring:
  scale: 1
  complaint_threshold: 0.35
  frustration_thresholds: [0.2, 0.45, 0.65, 0.85]
  repeat_factor: 0.3
`;

export const RULES = `rules:
  - id: delay.waiting
    category: delay
    weight: 0.5
    reason: Waiting.
    match:
      phrases: [still waiting, wait for my refund]
      patterns: ["{wait} (for|over) (#Value|a) (days|weeks)"]
    exceptions:
      phrases: [no rush]
    examples:
      match: [still waiting]
      no_match: [no rush, still waiting]
  - id: delay.late
    category: delay
    weight: 0.4
    reason: Late.
    match:
      phrases: [late]
    exceptions:
      phrases: [not late at all]
    examples:
      match: [The parcel is late.]
  - id: mistake.charged-twice
    category: company_mistake
    weight: 0.6
    reason: Double charge.
    match:
      phrases: [charged twice, double charge]
    examples:
      match: [I was charged twice.]
  - id: repeat.nth-time
    category: repeat_contact
    weight: 0.5
    reason: Contacted before.
    match:
      patterns: ["(second|third|fourth|fifth|#Value) time (i'm|i am|i have|i've)? (writing|contacting|calling|emailing|written|called)"]
    examples:
      match: [This is the third time I'm writing.]
  - id: abuse.insult
    category: abuse
    weight: 1
    boundary: true
    reason: Insult.
    match:
      patterns: ["you (stupid|useless)? (idiot|idiots|moron|morons)"]
    examples:
      match: [you idiots]
  - id: frustration.shouting
    category: frustration
    weight: 0.4
    effect: amplify
    negatable: false
    reason: Shouting.
    match:
      regex: ['\\b[A-Z]{2,}(?:\\W+[A-Z]{2,}){2,}\\b']
    examples:
      match: [I AM VERY ANGRY]
  - id: frustration.profanity
    category: frustration
    weight: 0.3
    profanity: true
    reason: Swearing.
    match:
      phrases: [damn]
    examples:
      match: [this damn app]
  - id: calm.thanks
    category: calm
    weight: -0.4
    reason: Gratitude.
    match:
      phrases: [thank you, thanks, helpful]
    exceptions:
      phrases: [thanks for nothing]
    examples:
      match: [thanks a lot]
  - id: agent.sorry
    category: apologise
    scope: agent
    weight: 0.5
    reason: Apology.
    match:
      phrases: [i'm sorry, we apologise]
    examples:
      match: [I'm sorry about that.]
  - id: agent.options
    category: options
    scope: agent
    weight: 0.5
    reason: Options.
    match:
      phrases: [would you prefer]
    examples:
      match: [Would you prefer a refund?]
`;

export function files(extra: Record<string, string> = {}): PackFile[] {
  return [
    { path: 'pack/pack.yaml', text: MANIFEST },
    { path: 'pack/rules.yaml', text: RULES },
    ...Object.entries(extra).map(([path, text]) => ({ path, text })),
  ];
}

export function testPack(extra: Record<string, string> = {}): CompiledPack {
  const result = compilePack(files(extra));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  return result.pack;
}

/** Rules for the time-budget tests: a regex (made slow with slowRegex) and a pattern full of `*`. */
export const SLOW_RULES = `rules:
  - id: slow.regex
    category: frustration
    weight: 0.3
    reason: Says slowpoke.
    match:
      regex: ['\\bslowpoke\\b']
    examples:
      match: [what a slowpoke]
  - id: slow.pattern
    category: frustration
    weight: 0.3
    reason: A star pattern.
    match:
      patterns: ["zebra * * * * quagga"]
    examples:
      match: [zebra and a quagga]
`;

/** The marker word that makes slowRegex's regex slow on a line. */
export const SLOW_MARKER = 'pathological';

/**
 * Makes a rule's regex slow on a fake clock: finding its matches in a line that holds SLOW_MARKER
 * moves the clock on by `ms` (`once`: only the first time, like a pause or a cold start).
 */
export function slowRegex(pack: CompiledPack, ruleId: string, ms: number, clock: { now: number }, once = false): void {
  const index = pack.byId.get(ruleId)!.index;
  let fired = false;
  for (const r of [...pack.customer.regexes, ...pack.agent.regexes]) {
    if (r.rule !== index) continue;
    const original = r.re;
    r.re = Object.assign(Object.create(original) as typeof original, {
      matcher(text: string) {
        if (text.includes(SLOW_MARKER) && !(once && fired)) {
          fired = true;
          clock.now += ms;
        }
        return original.matcher(text);
      },
    });
  }
}
