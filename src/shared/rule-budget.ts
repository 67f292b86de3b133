/**
 * The per-rule time budget setting in chrome.storage.local, read by the pages that analyse (side
 * panel, options page). A team lead may set it by hand (or a test, to make a slow rule visible):
 * milliseconds a rule may spend on one message before it is turned off for the session. Absent
 * means the engine's default. Stored values are untrusted: an invalid one is reported and ignored.
 */
export const RULE_BUDGET_KEY = 'ruleBudgetMs';
/** Below this, a busy machine alone would turn rules off. */
export const MIN_RULE_BUDGET_MS = 5;
export const MAX_RULE_BUDGET_MS = 60_000;

export interface ParsedRuleBudget {
  /** Undefined: use the engine's default. */
  ruleBudgetMs?: number;
  problems: string[];
}

export function parseRuleBudget(value: unknown): ParsedRuleBudget {
  if (value === undefined || value === null) return { problems: [] };
  if (typeof value === 'number' && Number.isFinite(value) && value >= MIN_RULE_BUDGET_MS && value <= MAX_RULE_BUDGET_MS) return { ruleBudgetMs: value, problems: [] };
  return { problems: [`the rule time budget (${RULE_BUDGET_KEY}) must be a number of milliseconds from ${MIN_RULE_BUDGET_MS} to ${MAX_RULE_BUDGET_MS}; using the default`] };
}
