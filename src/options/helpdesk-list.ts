/**
 * The helpdesks as the content script will see them: the administrator's (policy) first, then the
 * team lead's, then the built-in ones with their selector fixes, where a policy fix wins per
 * selector. Same precedence as src/content/main.iife.ts, so the list says what really applies.
 */
import type { HelpdeskDefinition, HelpdeskSelectors } from '../shared/helpdesk';

export type Overrides = Record<string, Partial<HelpdeskSelectors>>;

export interface HelpdeskRow {
  definition: HelpdeskDefinition;
  source: 'policy' | 'custom' | 'built-in';
  /** A custom helpdesk whose id the administrator's policy also defines: the policy one is used. */
  replacedByPolicy?: boolean;
  /** Built-in only: the team lead's selector fixes, and the administrator's (which win). */
  ownOverrides?: Partial<HelpdeskSelectors>;
  adminOverrides?: Partial<HelpdeskSelectors>;
}

export interface HelpdeskSources {
  builtIn: readonly HelpdeskDefinition[];
  custom: readonly HelpdeskDefinition[];
  policy: { customHelpdesks: readonly HelpdeskDefinition[]; selectorOverrides: Overrides };
  overrides: Overrides;
}

export function helpdeskRows({ builtIn, custom, policy, overrides }: HelpdeskSources): HelpdeskRow[] {
  const policyIds = new Set(policy.customHelpdesks.map((d) => d.id));
  return [
    ...policy.customHelpdesks.map((definition): HelpdeskRow => ({ definition, source: 'policy' })),
    ...custom.map((definition): HelpdeskRow => ({ definition, source: 'custom', ...(policyIds.has(definition.id) && { replacedByPolicy: true }) })),
    ...builtIn.map((definition): HelpdeskRow => {
      const row: HelpdeskRow = { definition, source: 'built-in' };
      if (overrides[definition.id]) row.ownOverrides = overrides[definition.id];
      if (policy.selectorOverrides[definition.id]) row.adminOverrides = policy.selectorOverrides[definition.id];
      return row;
    }),
  ];
}

/** The selector fixes in force for a built-in helpdesk: the team lead's, with the administrator's on top. */
export function effectiveOverrides(row: HelpdeskRow): Partial<HelpdeskSelectors> {
  return { ...row.ownOverrides, ...row.adminOverrides };
}
