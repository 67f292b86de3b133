/**
 * The playbook for the latest customer message: which steps to take (acknowledge, apologise,
 * options, boundary, escalate, follow up), each with two or more wordings from the pack, slots
 * filled from the thread. Deterministic: the same analysis gives the same suggestions.
 */
import type { CompiledPack } from '../compile/compiled';
import type { Channel, CompiledPlay, Tone } from '../compile/playbook';
import type { ThreadAnalysis, ThreadMessage } from '../types';
import { PLAYBOOK_STEPS, type PlaybookStep, type TriggerCategory } from '../vocabulary';
import { extractSlots, type SuggestContext } from './slots';
import { fillTemplate, type Slots } from './template';

export interface SuggestOptions extends SuggestContext {
  tone?: Tone;
  channel?: Channel;
}

export interface Suggestion {
  step: PlaybookStep;
  /** Id of the playbook entry the first wording comes from (logged as the suggestion id). */
  ruleId: string;
  /** Alternative wordings, best first. */
  texts: string[];
  /** Ids of the entries each wording comes from, parallel to texts. */
  sources: string[];
  /** Why this step is suggested, for the panel. */
  why: string;
}

/** Categories for which something went wrong on the company's side: an apology fits. */
const FAULT: ReadonlySet<string> = new Set(['delay', 'miscommunication', 'unmet_expectation', 'company_mistake', 'repeat_contact']);
/** Categories with something to resolve: options and a follow-up fit. */
const PROBLEM: ReadonlySet<string> = new Set([...FAULT, 'personal_stress', 'escalation_threat']);

interface Situation {
  categories: Map<string, number>;
  /** Ids of the rules that fired on the latest message. */
  rules: Set<string>;
  frustration: number;
  contacts: number;
  boundaryLevel: number;
  covered: Record<PlaybookStep, boolean>;
  complaint: boolean;
}

function situationOf(analysis: ThreadAnalysis): Situation | null {
  const latest = analysis.latest;
  if (!latest) return null;
  const categories = new Map<string, number>(latest.categories.map((c) => [c.category, c.confidence]));
  if (latest.complaint) categories.set('complaint', Math.max(latest.score, categories.get('complaint') ?? 0));
  if (latest.frustration >= 2) categories.set('frustration', latest.score);
  const abusiveTurns = analysis.messages.filter((m) => m.role === 'customer' && m.boundary).length;
  return {
    categories,
    rules: new Set(latest.cues.map((c) => c.ruleId)),
    frustration: latest.frustration,
    contacts: contactsAboutThis(analysis),
    boundaryLevel: latest.boundary ? Math.min(3, Math.max(1, abusiveTurns)) : 0,
    covered: analysis.covered,
    complaint: latest.complaint,
  };
}

/**
 * How many times the customer has written about this problem: turns (after an agent reply) that
 * share a trigger category with the latest message, or what the customer says ("third time").
 * Plain chat turns about something else do not count.
 */
function contactsAboutThis(analysis: ThreadAnalysis): number {
  const latest = analysis.latest!;
  const topic = new Set<string>(latest.categories.map((c) => c.category).filter((c) => c !== 'repeat_contact' && c !== 'abuse'));
  let turns = 0;
  let previousRole = '';
  let turnCounted = false;
  for (const m of analysis.messages) {
    if (m.role === 'internal') continue;
    if (m.role === 'customer') {
      if (previousRole !== 'customer') turnCounted = false;
      if (!turnCounted && (m === latest || m.categories.some((c) => topic.has(c.category)))) {
        turns++;
        turnCounted = true;
      }
    }
    previousRole = m.role;
  }
  const stated = latest.cues.some((c) => c.category === 'repeat_contact') ? analysis.repeatContacts : 0;
  return Math.max(turns, stated);
}

function wantedSteps(s: Situation): Array<{ step: PlaybookStep; why: string }> {
  const cats = [...s.categories.keys()];
  const fault = cats.filter((c) => FAULT.has(c));
  const problem = cats.filter((c) => PROBLEM.has(c));
  const out: Array<{ step: PlaybookStep; why: string }> = [];
  const upset = s.complaint || s.frustration >= 1 || problem.length > 0;
  if (upset) out.push({ step: 'acknowledge', why: 'Name the feeling and the situation before anything else.' });
  if (fault.length > 0) out.push({ step: 'apologise', why: `Something went wrong on our side (${fault.join(', ').replace(/_/g, ' ')}): apologise for it specifically.` });
  // Persistent abuse ends the conversation: no menu of options then.
  if ((problem.length > 0 || s.complaint) && s.boundaryLevel < 3) out.push({ step: 'options', why: 'Give the customer a choice of concrete next steps.' });
  if (s.boundaryLevel > 0) out.push({ step: 'boundary', why: ['', 'Abusive language: state calmly what you can and cannot accept.', 'Abuse again: give a clear, polite warning.', 'Abuse continues: end the conversation politely.'][s.boundaryLevel]! });
  if (s.categories.has('escalation_threat') || s.boundaryLevel >= 3) out.push({ step: 'escalate', why: 'A threat or a request for a manager: follow the escalation protocol.' });
  if (upset) out.push({ step: 'follow_up', why: 'Close the loop: confirm the resolution and offer more help.' });
  return out;
}

function fits(play: CompiledPlay, s: Situation): boolean {
  const w = play.when;
  if (s.frustration < w.minFrustration || s.frustration > w.maxFrustration) return false;
  if (s.contacts < w.minContacts) return false;
  if (w.boundaryLevel > 0 && s.boundaryLevel !== w.boundaryLevel) return false;
  if (w.covered.some((step) => !s.covered[step])) return false;
  if (w.notCovered.some((step) => s.covered[step])) return false;
  if (w.rules.length > 0 && !w.rules.some((r) => (r.endsWith('.') ? [...s.rules].some((id) => id.startsWith(r)) : s.rules.has(r)))) return false;
  return play.categories.length === 0 || play.categories.some((c) => s.categories.has(c));
}

/** Specific beats generic: matched category confidence, then conditions, then priority. */
function rank(play: CompiledPlay, s: Situation): number {
  const conf = Math.max(0, ...play.categories.map((c) => s.categories.get(c) ?? 0));
  const w = play.when;
  const conditions = (w.minContacts > 0 ? 1 : 0) + (w.boundaryLevel > 0 ? 1 : 0) + w.covered.length + w.notCovered.length + (w.minFrustration > 0 ? 1 : 0) + (w.rules.length > 0 ? 2 : 0);
  return play.priority * 100 + (play.categories.length > 0 ? 10 + conf * 10 : 0) + conditions * 5;
}

function wordings(play: CompiledPlay, slots: Slots, tone: Tone, channel: Channel): string[] {
  const byFit = [...play.variants].sort((a, b) => fitScore(b, tone, channel) - fitScore(a, tone, channel));
  const out: string[] = [];
  for (const v of byFit) {
    if (v.tone && v.tone !== tone) continue;
    if (v.channel && v.channel !== channel) continue;
    const text = fillTemplate(v.parts, slots);
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}

function fitScore(v: { tone?: Tone; channel?: Channel }, tone: Tone, channel: Channel): number {
  return (v.tone === tone ? 2 : 0) + (v.channel === channel ? 1 : 0);
}

const MAX_WORDINGS = 4;
const PER_ENTRY_FIRST_PASS = 2;

export function suggest(analysis: ThreadAnalysis, pack: CompiledPack, thread: readonly ThreadMessage[] = [], options: SuggestOptions = {}): Suggestion[] {
  const s = situationOf(analysis);
  if (!s) return [];
  const tone = options.tone ?? 'warm';
  const channel = options.channel ?? 'email';
  const slots = extractSlots(thread, options);
  const out: Suggestion[] = [];
  for (const { step, why } of wantedSteps(s)) {
    const candidates = pack.playbook
      .filter((p) => p.step === step && fits(p, s))
      .map((p, order) => ({ p, score: rank(p, s), order }))
      .sort((a, b) => b.score - a.score || a.order - b.order);
    // At most two wordings per entry first, so a second fitting situation gets a voice too;
    // then fill up from the best entries.
    const texts: string[] = [];
    const sources: string[] = [];
    const pools = candidates.map(({ p }) => ({ id: p.id, list: wordings(p, slots, tone, channel) }));
    for (const cap of [PER_ENTRY_FIRST_PASS, MAX_WORDINGS]) {
      for (const pool of pools) {
        let taken = sources.filter((id) => id === pool.id).length;
        for (const t of pool.list) {
          if (texts.length >= MAX_WORDINGS || taken >= cap) break;
          if (texts.includes(t)) continue;
          texts.push(t);
          sources.push(pool.id);
          taken++;
        }
      }
    }
    // Already apologised and nothing worded for that case: move on rather than repeat.
    if (step === 'apologise' && s.covered.apologise && !candidates.some(({ p }) => p.when.covered.includes('apologise'))) continue;
    if (texts.length > 0) out.push({ step, ruleId: sources[0]!, texts, sources, why });
  }
  return out.sort((a, b) => PLAYBOOK_STEPS.indexOf(a.step) - PLAYBOOK_STEPS.indexOf(b.step));
}

/** In a written reply the boundary comes right after the opening, before any options. */
const COMPOSE_ORDER: readonly PlaybookStep[] = ['acknowledge', 'apologise', 'boundary', 'options', 'escalate', 'follow_up'];

export interface ComposeOptions {
  name?: string;
  agent?: string;
  channel?: Channel;
  tone?: Tone;
}

/** Join chosen wordings into one reply: greeting, paragraphs in playbook order, sign-off. */
export function composeReply(steps: ReadonlyArray<{ step: PlaybookStep; text: string }>, options: ComposeOptions = {}): string {
  const channel = options.channel ?? 'email';
  const tone = options.tone ?? 'warm';
  const ordered = [...steps].sort((a, b) => COMPOSE_ORDER.indexOf(a.step) - COMPOSE_ORDER.indexOf(b.step));
  const paragraphs: string[] = [];
  let current: string[] = [];
  let lastGroup = '';
  const groupOf = (step: PlaybookStep) => (step === 'acknowledge' || step === 'apologise' ? 'opening' : step);
  for (const s of ordered) {
    const text = s.text.trim();
    if (!text) continue;
    const g = groupOf(s.step);
    if (g !== lastGroup && current.length > 0) {
      paragraphs.push(current.join(' '));
      current = [];
    }
    current.push(text);
    lastGroup = g;
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  const name = options.name?.trim();
  const greeting = tone === 'formal' ? (name ? `Dear ${name},` : 'Hello,') : name ? `Hi ${name},` : 'Hi there,';
  if (channel === 'chat') return [name ? `Hi ${name}, ${lowerFirst(paragraphs[0] ?? '')}`.trim() : paragraphs[0] ?? '', ...paragraphs.slice(1)].filter(Boolean).join('\n\n');
  const signOff = tone === 'formal' ? 'Kind regards,' : 'Best wishes,';
  return [greeting, ...paragraphs, options.agent ? `${signOff}\n${options.agent.trim()}` : signOff].join('\n\n');
}

function lowerFirst(text: string): string {
  // Keep "I" and proper nouns as they are; only lower a plain sentence start.
  return /^(I\b|I'|[A-Z]{2})/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

export type { TriggerCategory };
