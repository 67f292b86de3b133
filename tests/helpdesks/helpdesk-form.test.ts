import { describe, expect, it } from 'vitest';
import { definitionToForm, emptyForm, formToDefinition, idFromName, toMatchPattern, type HelpdeskForm } from '../../src/options/helpdesk-form';
import { parseCustomHelpdesks } from '../../src/shared/settings';

// Node has no CSS parser: an unbalanced bracket stands for invalid CSS here (the page uses the browser's).
const options = { takenIds: ['rt', 'zendesk'], isValidSelector: (s: string) => !/\[[^\]]*$/.test(s) };

function filled(change: Partial<HelpdeskForm> = {}): HelpdeskForm {
  const form = emptyForm();
  Object.assign(form.selectors, { root: '#case', message: '.entry', body: '.entry-text', agent: '.staff' });
  return { ...form, name: 'Acme Desk', matches: 'https://help.acme.example/tickets/7', ticketUrl: '/tickets/(\\d+)', ...change };
}

describe('address -> match pattern', () => {
  it('turns a pasted address into its site pattern and keeps a pattern as typed', () => {
    expect(toMatchPattern('https://help.example.com')).toEqual({ pattern: 'https://help.example.com/*' });
    expect(toMatchPattern('  https://help.example.com/tickets/7?x=1#top ')).toEqual({ pattern: 'https://help.example.com/*' });
    expect(toMatchPattern('help.example.com')).toEqual({ pattern: 'https://help.example.com/*' });
    expect(toMatchPattern('http://127.0.0.1:8080/rt/')).toEqual({ pattern: 'http://127.0.0.1/*' });
    expect(toMatchPattern('https://*.example.com/*')).toEqual({ pattern: 'https://*.example.com/*' });
    expect(toMatchPattern('*://desk.example.org/app/*')).toEqual({ pattern: '*://desk.example.org/app/*' });
  });

  it('says why an input is neither', () => {
    expect(toMatchPattern('ftp://files.example.com')).toEqual({ problem: '“ftp://files.example.com” is not an address or a pattern like https://help.example.com/* (only http and https pages)' });
    expect(toMatchPattern('https://*/*')).toEqual({ problem: '“https://*/*” covers every site; name the helpdesk’s own, e.g. https://*.example.com/*' });
    expect(toMatchPattern('https://help.*.com/*')).toHaveProperty('problem');
    expect(toMatchPattern('<all_urls>')).toHaveProperty('problem');
    expect(toMatchPattern('http://exa mple.com')).toHaveProperty('problem');
  });
});

describe('form <-> definition', () => {
  it('builds the definition the content script will use, with an id from the name', () => {
    const { definition, problems } = formToDefinition(filled({ matches: 'https://help.acme.example\n*://*.acme.example/*\nhttps://help.acme.example/x' }), options);
    expect(problems).toEqual({});
    expect(definition).toEqual({
      id: 'acme-desk',
      name: 'Acme Desk',
      matches: ['https://help.acme.example/*', '*://*.acme.example/*'],
      ticketUrl: '/tickets/(\\d+)',
      order: 'oldest-first',
      selectors: { root: '#case', message: '.entry', body: '.entry-text', agent: '.staff' },
    });
    // Exactly what the content script's parser keeps from the stored list.
    expect(parseCustomHelpdesks([definition])).toEqual({ definitions: [definition], problems: [] });
  });

  it('round-trips through the form unchanged', () => {
    const { definition } = formToDefinition(filled({ order: 'newest-first' }), options);
    expect(formToDefinition(definitionToForm(definition!), options).definition).toEqual(definition);
  });

  it('names each problem at its field and gives no definition', () => {
    const form = filled({ name: ' ', matches: 'ftp://x.example', ticketUrl: '/tickets/(' });
    form.selectors.body = '';
    form.selectors.author = 'a[href';
    const { definition, problems } = formToDefinition(form, options);
    expect(definition).toBeNull();
    expect(problems.name).toEqual(['Give the helpdesk a name agents will recognise.']);
    expect(problems.matches?.[0]).toMatch(/^“ftp:\/\/x\.example” is not an address/);
    expect(problems.body).toEqual(['Required.']);
    expect(problems.author).toEqual(['“a[href” is not a valid CSS selector.']);
  });

  it('reports the parser’s own verdict on the ticket address pattern', () => {
    const { definition, problems } = formToDefinition(filled({ ticketUrl: '/tickets/(' }), options);
    expect(definition).toBeNull();
    expect(problems).toEqual({ ticketUrl: ['The ticket address pattern is not a valid regular expression'] });
  });

  it('asks for an address when none is given', () => {
    expect(formToDefinition(filled({ matches: '\n  \n' }), options).problems.matches).toEqual(['Paste the helpdesk’s address, e.g. https://help.example.com']);
  });

  it('keeps the id of a helpdesk being edited, and never takes one in use', () => {
    expect(formToDefinition(filled({ id: 'acme-desk', name: 'Acme Desk (new name)' }), options).definition?.id).toBe('acme-desk');
    expect(idFromName('RT', ['rt'])).toBe('rt-2');
    expect(idFromName('Zendesk', ['rt', 'zendesk', 'zendesk-2'])).toBe('zendesk-3');
    expect(idFromName('42 Support!', [])).toBe('support');
    expect(idFromName('日本語', [])).toBe('helpdesk');
    expect(idFromName('x'.repeat(80), []).length).toBeLessThanOrEqual(32);
  });
});
