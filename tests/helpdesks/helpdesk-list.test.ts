import { describe, expect, it } from 'vitest';
import { effectiveOverrides, helpdeskRows } from '../../src/options/helpdesk-list';
import type { HelpdeskDefinition } from '../../src/shared/helpdesk';

const desk = (id: string, name = id): HelpdeskDefinition => ({ id, name, matches: [`https://${id}.example/*`], order: 'oldest-first', selectors: { root: 'main', message: '.m', body: '.b' } });

describe('helpdesks merged with policy', () => {
  it('lists the administrator’s first, then the team’s, then the built-in ones, and marks a replaced one', () => {
    const rows = helpdeskRows({
      builtIn: [desk('rt'), desk('zendesk')],
      custom: [desk('acme'), desk('shared', 'Ours')],
      policy: { customHelpdesks: [desk('shared', 'Admin’s')], selectorOverrides: {} },
      overrides: {},
    });
    expect(rows.map((r) => [r.source, r.definition.id, r.definition.name, !!r.replacedByPolicy])).toEqual([
      ['policy', 'shared', 'Admin’s', false],
      ['custom', 'acme', 'acme', false],
      ['custom', 'shared', 'Ours', true],
      ['built-in', 'rt', 'rt', false],
      ['built-in', 'zendesk', 'zendesk', false],
    ]);
  });

  it('applies the administrator’s selector fixes over the team lead’s, per selector', () => {
    const rows = helpdeskRows({
      builtIn: [desk('rt'), desk('zendesk')],
      custom: [],
      policy: { customHelpdesks: [], selectorOverrides: { rt: { body: '.admin-body' } } },
      overrides: { rt: { body: '.my-body', author: '.my-author' }, zendesk: { editor: '#reply' } },
    });
    expect(effectiveOverrides(rows[0]!)).toEqual({ body: '.admin-body', author: '.my-author' });
    expect(effectiveOverrides(rows[1]!)).toEqual({ editor: '#reply' });
    expect(rows[1]!.adminOverrides).toBeUndefined();
  });
});
