/**
 * The draft coach: checks the agent's own reply before it is sent. Phrase-level problems (blame,
 * condescension, defensiveness, vague apologies, over-promising, jargon) come from agent-scope
 * rules with advice and a rewrite; whole-draft gaps (no empathy, no apology, no options) come
 * from comparing the draft with what the customer's message needs.
 */
import { analyzeMessageText } from '../analyze/message';
import type { CompiledPack } from '../compile/compiled';
import type { MessageAnalysis } from '../types';
import type { CoachKind } from '../vocabulary';

export interface CoachIssue {
  kind: CoachKind;
  /** UTF-16 offsets into the draft; 0, 0 for a gap in the draft as a whole. */
  start: number;
  end: number;
  text: string;
  advice: string;
  /** A better wording for the span, where one exists. */
  rewrite?: string;
  ruleId: string;
}

const PHRASE_KINDS: ReadonlySet<string> = new Set(['blame', 'condescension', 'defensive', 'vague_apology', 'overpromise', 'jargon']);
/**
 * Customer categories where the company clearly got something wrong (a mistake, a delay, making
 * them chase): the reply owes an apology when the evidence is firm. Disappointment with the
 * product or a misunderstanding may not be the company's fault, so they do not demand one.
 */
const OWES_APOLOGY: ReadonlySet<string> = new Set(['company_mistake', 'delay', 'repeat_contact']);
const FIRM_EVIDENCE = 0.45;
/** Customer categories with something to resolve: the reply owes a next step. */
const OWES_NEXT_STEP: ReadonlySet<string> = new Set([...OWES_APOLOGY, 'unmet_expectation', 'miscommunication', 'personal_stress', 'escalation_threat']);
/**
 * Customer cues that show a feeling (anger, worry, distress, abuse), not just a situation: a
 * calm "my SIM isn't working" needs a fix, "I'm furious" or "I'm panicking" also needs empathy.
 */
const SHOWS_FEELING: ReadonlySet<string> = new Set(['frustration', 'personal_stress', 'abuse']);
/**
 * Draft cues that show the agent knows something went wrong, whatever the customer's wording:
 * they admit a fault (agent-scope `no_apology` rules) or argue about whose it is. An apology or
 * sympathy shows it too, but is kept apart because it is what a vague apology is made of.
 */
const DRAFT_NAMES_PROBLEM: ReadonlySet<string> = new Set(['no_apology', 'defensive', 'blame']);
const DRAFT_SYMPATHISES: ReadonlySet<string> = new Set(['apologise', 'acknowledge']);

export const GAP_ADVICE: Record<'no_empathy' | 'no_apology' | 'no_options', string> = {
  no_empathy: 'The customer is upset and the reply does not acknowledge it. Open by naming the feeling and the situation, e.g. "I can see why this has been so frustrating."',
  no_apology: 'Something went wrong on our side and the reply does not apologise. Apologise for the specific problem and take ownership, e.g. "I\'m sorry we charged you twice."',
  no_options: 'The reply gives no solution or next step. Offer two or three concrete options, or say exactly what you will do and when.',
};

export function coach(draft: string, customer: MessageAnalysis | null, pack: CompiledPack): CoachIssue[] {
  if (typeof draft !== 'string' || draft.trim() === '') return [];
  const own = analyzeMessageText(draft, pack, 'agent');
  const steps = new Set(own.cues.map((c) => c.category));
  const categories = customer?.categories ?? [];
  // Agent-scope `no_apology` rules mark a draft that itself names a fault on our side.
  const admitsFault = steps.has('no_apology');
  const faults = categories.some((c) => OWES_APOLOGY.has(c.category) && c.confidence >= FIRM_EVIDENCE) || admitsFault;
  const draftNamesProblem = [...steps].some((s) => DRAFT_NAMES_PROBLEM.has(s));
  const customerProblem = categories.some((c) => OWES_NEXT_STEP.has(c.category)) || (customer?.complaint ?? false);
  const problems = customerProblem || draftNamesProblem || [...steps].some((s) => DRAFT_SYMPATHISES.has(s));
  const upset = customer !== null && customer.frustration >= 1 && customer.cues.some((c) => SHOWS_FEELING.has(c.category));
  // Anything amiss at all makes a stock apology vague; to a plain question it is odd but harmless.
  const troubled = faults || customerProblem || draftNamesProblem || (customer !== null && (customer.frustration > 0 || categories.length > 0));
  const issues: CoachIssue[] = [];

  for (const cue of own.cues) {
    if (!PHRASE_KINDS.has(cue.category)) continue;
    if (cue.category === 'vague_apology' && !troubled) continue;
    const rule = pack.byId.get(cue.ruleId);
    const issue: CoachIssue = { kind: cue.category as CoachKind, start: cue.start, end: cue.end, text: cue.text, advice: rule?.advice ?? cue.reason, ruleId: cue.ruleId };
    if (rule?.rewrite) issue.rewrite = rule.rewrite;
    issues.push(issue);
  }

  const gap = (kind: 'no_empathy' | 'no_apology' | 'no_options') => issues.push({ kind, start: 0, end: 0, text: '', advice: GAP_ADVICE[kind], ruleId: `coach.${kind}` });
  // A vague apology is its own, more precise issue: do not also call the draft cold or unapologetic.
  const vagueApology = issues.some((i) => i.kind === 'vague_apology');
  if (upset && !steps.has('acknowledge') && !steps.has('apologise') && !vagueApology) gap('no_empathy');
  if (faults && !steps.has('apologise') && !vagueApology) gap('no_apology');
  if (problems && !steps.has('options') && !steps.has('escalate') && !steps.has('follow_up')) gap('no_options');
  return issues.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
}
