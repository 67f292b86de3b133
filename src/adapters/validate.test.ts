import { describe, expect, it } from 'vitest';
import { ADAPTERS } from './registry';
import { definitionProblems, isHelpdeskDefinition } from './validate';

const valid = {
  id: 'intranet',
  name: 'Intranet cases',
  matches: ['https://cases.intra.example/*'],
  ticketUrl: '/cases/(\\d+)',
  order: 'oldest-first',
  selectors: { root: '#log', message: 'article', body: '.text', author: '.who' },
};

describe('definitionProblems', () => {
  it('accepts every built-in definition and a minimal custom one', () => {
    for (const { definition } of ADAPTERS) expect(definitionProblems(definition), definition.id).toEqual([]);
    expect(isHelpdeskDefinition(valid)).toBe(true);
  });

  it('names each problem of a malformed definition', () => {
    expect(
      definitionProblems({ ...valid, id: 'Bad Id', matches: 'https://x/*', order: 'random', ticketUrl: '(', selectors: { root: '#log', author: 3 } }),
    ).toEqual([
      '`id` must be lowercase letters, digits or dashes (up to 32)',
      '`matches` must be a list of match patterns',
      '`order` must be `oldest-first` or `newest-first`',
      expect.stringMatching(/^`ticketUrl` is not a valid regular expression: /),
      '`selectors.message` is required',
      '`selectors.body` is required',
      '`selectors.author` must be a selector string',
    ]);
  });

  it('rejects values that are not definitions at all', () => {
    expect(definitionProblems(null)).toEqual(['a helpdesk definition must be an object']);
    expect(definitionProblems({ ...valid, selectors: undefined })).toContain('`selectors` must be an object');
    expect(isHelpdeskDefinition('rt')).toBe(false);
  });
});
