import { describe, expect, it } from 'vitest';
import { excerptSegments, proposalUrl, proposedExceptions } from '../../src/review/excerpt';
import { filterOf, EMPTY_FORM } from '../../src/review/filter-form';
import { event } from '../log/helpers';

describe('excerpt segments', () => {
  it('marks exactly the cue characters, splitting overlapping cues', () => {
    const segments = excerptSegments('you never answer, you idiots', [
      { ruleId: 'delay.ignored', start: 4, end: 16 },
      { ruleId: 'abuse.insult', start: 18, end: 28 },
      { ruleId: 'tone.never', start: 4, end: 9 },
    ]);
    expect(segments.map((s) => [s.text, s.ruleIds])).toEqual([
      ['you ', []],
      ['never', ['delay.ignored', 'tone.never']],
      [' answer', ['delay.ignored']],
      [', ', []],
      ['you idiots', ['abuse.insult']],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('you never answer, you idiots');
  });

  it('ignores cues outside the excerpt', () => {
    expect(excerptSegments('short', [{ ruleId: 'r', start: 2, end: 99 }])).toEqual([{ text: 'short', start: 0, ruleIds: [] }]);
  });

  it('proposes one exception per distinct cue, with the cue text', () => {
    const e = event({ excerpt: 'ASAP please, asap', cues: [{ ruleId: 'urgency', start: 0, end: 4 }, { ruleId: 'urgency', start: 0, end: 4 }, { ruleId: 'urgency', start: 13, end: 17 }] });
    expect(proposedExceptions(e)).toEqual([{ ruleId: 'urgency', text: 'ASAP' }, { ruleId: 'urgency', text: 'asap' }]);
    expect(proposedExceptions(event())).toEqual([]);
    expect(proposalUrl('chrome-extension://x/src/options/index.html', { ruleId: 'a.b', text: 'x=1&y' })).toBe('chrome-extension://x/src/options/index.html?propose=a.b&text=x%3D1%26y');
  });
});

describe('filter form', () => {
  it('turns form fields into a filter (UTC days, "to" inclusive)', () => {
    expect(filterOf({ ...EMPTY_FORM, from: '2026-01-02', to: '2026-01-02', action: 'shown', minFrustration: '1', maxFrustration: '3', helpdesk: ' rt ' })).toEqual({
      from: Date.UTC(2026, 0, 2), to: Date.UTC(2026, 0, 3), action: 'shown', minFrustration: 1, maxFrustration: 3, helpdesk: 'rt',
    });
    expect(filterOf({ ...EMPTY_FORM, action: 'bogus', minFrustration: '9', from: 'yesterday' })).toEqual({});
  });
});
