import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/engine/text/tokenize';
import { decodeEntitiesSameLength } from '../../src/engine/text/entities';

const norms = (text: string) => tokenize(text).tokens.map((t) => t.norm);

describe('tokenize', () => {
  it('keeps exact UTF-16 offsets, including after emoji and entities', () => {
    const text = 'Hi 😡 I don&#39;t KNOW';
    const { tokens } = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end).length).toBe(t.end - t.start);
    const dont = tokens.find((t) => t.norm === "don't")!;
    expect(text.slice(dont.start, dont.end)).toBe('don&#39;t');
    expect(tokens.find((t) => t.kind === 'emoji')?.norm).toBe('😡');
    expect(tokens.find((t) => t.norm === 'know')?.caps).toBe(true);
  });

  it('folds curly apostrophes, chat spellings and elongations', () => {
    expect(norms('I don’t')).toEqual(['i', "don't"]);
    expect(norms('dont u')).toEqual(["don't", 'you']);
    const [so] = tokenize('sooooo').tokens;
    expect(so!.alts).toContain('so');
  });

  it('splits sentences on end punctuation and line breaks, not on commas', () => {
    const { tokens, sentenceCount } = tokenize('Great, just great. Thanks\nfor nothing');
    expect(sentenceCount).toBe(3);
    expect(tokens.map((t) => t.sentence)).toEqual([0, 0, 0, 1, 2, 2]);
  });

  it('keeps numbers with separators together', () => {
    expect(norms('charged $1,299.99 twice')).toEqual(['charged', '1,299.99', 'twice']);
  });

  it('only reads the given ranges', () => {
    const text = 'late here > quoted late';
    const { tokens } = tokenize(text, [[0, 9]]);
    expect(tokens.map((t) => t.norm)).toEqual(['late', 'here']);
  });

  it('decodes entities without moving offsets', () => {
    const text = 'A &amp; B don&#39;t';
    const view = decodeEntitiesSameLength(text);
    expect(view.length).toBe(text.length);
    expect(view.startsWith('A &     B')).toBe(true);
  });
});
