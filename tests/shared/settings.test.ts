import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCustomHelpdesks, parseSelectorOverrides } from '../../src/shared/settings';
import { parseRuleBudget } from '../../src/shared/rule-budget';

describe('custom helpdesks typed by a team lead', () => {
  it('keeps valid definitions and explains what was dropped', () => {
    const parsed = parseCustomHelpdesks([
      { id: 'acme-desk', name: 'Acme Desk', matches: ['https://help.acme.example/*'], ticketUrl: '/tickets/(\\d+)', order: 'newest-first', selectors: { root: '#conv', message: '.msg', body: '.msg-body', editor: 'textarea#reply', bogus: 1 } },
      { id: 'Bad Id', matches: ['https://x.example/*'], selectors: { root: 'a', message: 'b', body: 'c' } },
      { id: 'no-match', matches: ['not a pattern'], selectors: { root: 'a', message: 'b', body: 'c' } },
      { id: 'no-body', matches: ['https://y.example/*'], selectors: { root: 'a', message: 'b' } },
      { id: 'bad-regex', matches: ['https://z.example/*'], ticketUrl: '(', selectors: { root: 'a', message: 'b', body: 'c' } },
      'nonsense',
    ]);
    expect(parsed.definitions).toEqual([
      { id: 'acme-desk', name: 'Acme Desk', matches: ['https://help.acme.example/*'], ticketUrl: '/tickets/(\\d+)', order: 'newest-first', selectors: { root: '#conv', message: '.msg', body: '.msg-body', editor: 'textarea#reply' } },
    ]);
    expect(parsed.problems).toEqual([
      'custom helpdesk 2: id must be lowercase letters, digits or dashes',
      'custom helpdesk 3 (no-match): needs at least one match pattern such as https://help.example.com/*',
      'custom helpdesk 4 (no-body): missing selector body',
      'custom helpdesk 5 (bad-regex): ticketUrl is not a valid regular expression',
      'custom helpdesk 6: not an object',
    ]);
  });

  it('never throws on anything stored', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(() => parseCustomHelpdesks(v)).not.toThrow();
        expect(() => parseSelectorOverrides(v)).not.toThrow();
      }),
    );
  });

  it('selector overrides keep only known selector names', () => {
    expect(parseSelectorOverrides({ rt: { body: '.new-body', script: 'alert(1)' }, zendesk: { nothing: 1 } })).toEqual({
      overrides: { rt: { body: '.new-body' } },
      problems: ['selector overrides for zendesk: no valid selector'],
    });
  });
});

describe('the rule time budget a team lead may set', () => {
  it('keeps a sensible number of milliseconds and reports anything else', () => {
    expect(parseRuleBudget(undefined)).toEqual({ problems: [] });
    expect(parseRuleBudget(20)).toEqual({ ruleBudgetMs: 20, problems: [] });
    for (const bad of [0, 2, -5, 1e9, Number.NaN, '20', {}]) {
      expect(parseRuleBudget(bad)).toEqual({ problems: [expect.stringMatching(/^the rule time budget \(ruleBudgetMs\) must be a number of milliseconds from 5 to 60000/)] });
    }
  });
});
