import { describe, expect, it } from 'vitest';
import { CUSTOMER_CATEGORIES, PLAYBOOK_STEPS, SLOT_NAMES } from '../../src/engine';
import { completeAt } from '../../src/options/editor/completion';

const labels = (line: string, above: string[] = []) => completeAt(line, above)?.options.map((o) => o.label);

describe('editor completion', () => {
  it('offers the engine vocabularies after their keys', () => {
    expect(labels('    category: ')).toEqual(expect.arrayContaining([...CUSTOMER_CATEGORIES, 'acknowledge', 'blame']));
    expect(completeAt('    category: del')).toMatchObject({ from: 14 });
    expect(labels('  - step: ')).toEqual([...PLAYBOOK_STEPS]);
    expect(labels('    level: w')).toEqual(['suggestion', 'warning', 'error']);
    expect(labels('    categories: [delay, ')).toContain('company_mistake');
    expect(labels('    when: { not_covered: [')).toBeUndefined(); // flow maps: not guessed
    expect(labels('    reason: ')).toBeUndefined();
  });

  it('offers slot names inside a wording and match kinds under match:/exceptions:', () => {
    expect(labels('      - "Sorry {na')).toEqual([...SLOT_NAMES]);
    expect(completeAt('      - "Sorry {na')?.from).toBe(16);
    expect(labels('      ', ['  - id: a.b', '    match:'])).toEqual(['phrases', 'patterns', 'regex']);
    expect(labels('      ph', ['    exceptions:'])).toEqual(['phrases', 'patterns', 'regex']);
    expect(labels('      ', ['    examples:'])).toBeUndefined();
  });
});

describe('compile cache of the editor', () => {
  it('compiles the same files once and anything changed again', async () => {
    const { cached } = await import('../../src/options/compile-cache');
    let calls = 0;
    const compile = cached(() => {
      calls++;
      return { ok: false, errors: [], warnings: [] };
    });
    const a = [{ path: 'a.yaml', text: 'rules: []\n' }];
    compile(a);
    compile([{ ...a[0]! }]);
    expect(calls).toBe(1);
    compile([{ path: 'a.yaml', text: 'rules: [ ]\n' }]);
    compile([{ path: 'b.yaml', text: 'rules: []\n' }]);
    expect(calls).toBe(3);
  });
});
