import { describe, expect, it } from 'vitest';
import { paragraphs, toHtml } from '../../src/adapters/insert/format';

describe('paragraphs of a suggestion', () => {
  it('splits on blank lines and keeps single line breaks inside a paragraph', () => {
    expect(paragraphs('Hi Ana,\n\nWe refunded it.\nIt shows in 3 days.\n\nBest')).toEqual([
      'Hi Ana,',
      'We refunded it.\nIt shows in 3 days.',
      'Best',
    ]);
  });

  it('treats CRLF, whitespace-only lines and runs of blank lines as one separator', () => {
    expect(paragraphs('\r\n\r\nOne\r\n \t\r\n\r\n\r\nTwo\r\n')).toEqual(['One', 'Two']);
  });

  it('has no paragraphs for blank text', () => {
    expect(paragraphs(' \n\n \n')).toEqual([]);
  });
});

describe('HTML of the paragraphs', () => {
  it('makes one <p> per paragraph, <br> per line break, and escapes the text', () => {
    expect(toHtml(['a <b>&"\'', 'x\ny'])).toBe('<p>a &lt;b&gt;&amp;&quot;&#39;</p><p>x<br>y</p>');
  });
});
