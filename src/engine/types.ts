import type { DisabledRule } from './analyze/budget';
import type { CustomerCategory, MessageRole, PlaybookStep, RuleCategory, RuleLevel, TriggerCategory } from './vocabulary';

/** One message of a ticket or chat, oldest first in a thread. */
export interface ThreadMessage {
  role: MessageRole;
  text: string;
  /** Optional stable id from the helpdesk (used for caching and for the UI). */
  id?: string;
  author?: string;
}

/** One piece of evidence: which words fired which rule, and why. Offsets are UTF-16 into the message text. */
export interface Cue {
  ruleId: string;
  category: RuleCategory;
  level: RuleLevel;
  start: number;
  end: number;
  text: string;
  reason: string;
  weight: number;
  /** True when the rule marks text after which the agent should set a boundary. */
  boundary?: boolean;
}

/** A cue that matched but was cancelled, kept for the test bench's trace ("why did this not fire?"). */
export interface CancelledCue extends Cue {
  cancelledBy: 'exception' | 'negation' | 'quoted';
  /** The words that cancelled it (the exception or the negator). */
  by: string;
}

export interface CategoryScore {
  category: TriggerCategory;
  /** 0..1, combined from the weights of the category's cues. */
  confidence: number;
}

export interface MessageAnalysis {
  /** Index of the message in the thread (0 for a single text). */
  index: number;
  role: MessageRole;
  cues: Cue[];
  /** Trigger categories with any cue, highest confidence first. */
  categories: CategoryScore[];
  /** 0..4, the frustration intensity a support lead would give this message. */
  frustration: 0 | 1 | 2 | 3 | 4;
  /** 0..1, continuous form of the same judgement. */
  score: number;
  /** The message expresses dissatisfaction. */
  complaint: boolean;
  /** Abusive or threatening: the agent should set a boundary. */
  boundary: boolean;
  /** Profane language, at the agent or at a situation. */
  profanity: boolean;
  /** UTF-16 ranges of the text that were read as the customer's current words (quotes and signatures excluded). */
  activeRanges: Array<[number, number]>;
  /** Matches cancelled by exceptions, negation or quoting (for traces and the editor). */
  cancelled: CancelledCue[];
}

export type Trajectory = 'rising' | 'steady' | 'calming';

/** What the agent's earlier replies in the thread already did, for the playbook to build on. */
export type StepCoverage = Record<PlaybookStep, boolean>;

export interface ThreadAnalysis {
  messages: MessageAnalysis[];
  /** Analysis of the latest customer message, or null when the thread has none. */
  latest: MessageAnalysis | null;
  trajectory: Trajectory;
  /** How many times the customer has had to get in touch about this (at least the number of customer turns). */
  repeatContacts: number;
  /** Steps the agent's replies already covered (in agent messages before the latest customer message). */
  covered: StepCoverage;
  /** Trigger categories seen anywhere in the customer's messages, highest confidence first. */
  threadCategories: CategoryScore[];
  /** Rules the analyzer's time budget has turned off so far (absent when none), for the UI to report. */
  disabledRules?: DisabledRule[];
}

/** Per-pack scoring knobs (pack.yaml `scoring`), with defaults filled in by the compiler. */
export interface ScoringSettings {
  /** Raw evidence is squashed to a 0..1 score with score = 1 - exp(-raw / scale). */
  scale: number;
  /** score at or above which a message counts as a complaint. */
  complaintThreshold: number;
  /** Four ascending score thresholds for frustration levels 1..4. */
  frustrationThresholds: [number, number, number, number];
  /** How much each further hit of the same rule adds (0..1 of its weight). */
  repeatFactor: number;
}

export interface PackMeta {
  id: string;
  version: string;
  locale: string;
  description: string;
}


export type { CustomerCategory, TriggerCategory };
