/**
 * The closed vocabularies a rule pack may use. The JSON Schema in rules/schema mirrors these
 * lists; tests/engine/schema-vocabulary.test.ts keeps the two in step.
 */

/** Why the customer is upset: the trigger categories reported by analyze(). */
export const TRIGGER_CATEGORIES = [
  'delay',
  'miscommunication',
  'unmet_expectation',
  'company_mistake',
  'repeat_contact',
  'escalation_threat',
  'personal_stress',
  'abuse',
] as const;
export type TriggerCategory = (typeof TRIGGER_CATEGORIES)[number];

/**
 * Customer-message cue classes that are not triggers: `frustration` (anger, shouting, sarcasm,
 * profanity at a situation, inflexibility, shutting down), `complaint` (plain dissatisfaction
 * with no specific trigger) and `calm` (gratitude, satisfaction; usually a negative weight).
 */
export const SIGNAL_CATEGORIES = ['frustration', 'complaint', 'calm'] as const;
export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];

/** Playbook steps; agent-scope rules with these categories detect what a reply already did. */
export const PLAYBOOK_STEPS = [
  'acknowledge',
  'apologise',
  'options',
  'boundary',
  'escalate',
  'follow_up',
] as const;
export type PlaybookStep = (typeof PLAYBOOK_STEPS)[number];

/** Problems the draft coach can find in an agent's reply (agent-scope rules). */
export const COACH_KINDS = [
  'blame',
  'condescension',
  'defensive',
  'no_empathy',
  'no_apology',
  'no_options',
  'vague_apology',
  'overpromise',
  'jargon',
] as const;
export type CoachKind = (typeof COACH_KINDS)[number];

export const CUSTOMER_CATEGORIES = [...TRIGGER_CATEGORIES, ...SIGNAL_CATEGORIES] as const;
export type CustomerCategory = (typeof CUSTOMER_CATEGORIES)[number];
export const AGENT_CATEGORIES = [...PLAYBOOK_STEPS, ...COACH_KINDS] as const;
export type AgentCategory = (typeof AGENT_CATEGORIES)[number];
export type RuleCategory = CustomerCategory | AgentCategory;

export const RULE_LEVELS = ['suggestion', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** Which messages a rule reads: the customer's messages or the agent's own replies and drafts. */
export const RULE_SCOPES = ['customer', 'agent'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];

export const MESSAGE_ROLES = ['customer', 'agent', 'internal'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];
