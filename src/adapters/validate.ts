/**
 * Checks a helpdesk definition that came from outside the code (a team lead's options page, an
 * enterprise policy) before it is used, with readable reasons. Only shape and syntax: whether the
 * selectors find anything is the self-test's job on the live page.
 */
import type { HelpdeskDefinition, HelpdeskSelectors } from './types';

const REQUIRED_SELECTORS = ['root', 'message', 'body'] as const;
const OPTIONAL_SELECTORS: (keyof HelpdeskSelectors)[] = [
  'exclude', 'author', 'time', 'internal', 'agent', 'customer', 'subject', 'requester', 'editor',
];
const ID = /^[a-z][a-z0-9-]{0,31}$/;

const isString = (value: unknown): value is string => typeof value === 'string';

/** Why `source` is not a valid regular expression, or null when it is. */
export function regexProblem(source: string): string | null {
  try {
    new RegExp(source);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Problems with `value` as a HelpdeskDefinition; empty when it is usable. */
export function definitionProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['a helpdesk definition must be an object'];
  const definition = value as Record<string, unknown>;
  const problems: string[] = [];
  if (!isString(definition.id) || !ID.test(definition.id)) problems.push('`id` must be lowercase letters, digits or dashes (up to 32)');
  if (!isString(definition.name) || definition.name.trim() === '') problems.push('`name` must be a non-empty string');
  if (!Array.isArray(definition.matches) || !definition.matches.every(isString)) problems.push('`matches` must be a list of match patterns');
  if (definition.order !== 'oldest-first' && definition.order !== 'newest-first') problems.push('`order` must be `oldest-first` or `newest-first`');
  if (definition.ticketUrl !== undefined) {
    const problem = isString(definition.ticketUrl) ? regexProblem(definition.ticketUrl) : 'not a string';
    if (problem) problems.push(`\`ticketUrl\` is not a valid regular expression: ${problem}`);
  }
  if (definition.probe !== undefined && !isString(definition.probe)) problems.push('`probe` must be a selector string');
  const selectors = definition.selectors;
  if (typeof selectors !== 'object' || selectors === null) return [...problems, '`selectors` must be an object'];
  const given = selectors as Record<string, unknown>;
  for (const name of REQUIRED_SELECTORS) {
    if (!isString(given[name]) || given[name].trim() === '') problems.push(`\`selectors.${name}\` is required`);
  }
  for (const name of OPTIONAL_SELECTORS) {
    if (given[name] !== undefined && !isString(given[name])) problems.push(`\`selectors.${name}\` must be a selector string`);
  }
  return problems;
}

export function isHelpdeskDefinition(value: unknown): value is HelpdeskDefinition {
  return definitionProblems(value).length === 0;
}
