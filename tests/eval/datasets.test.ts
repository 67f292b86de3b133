import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonl, readDataset, toContractInput } from '../../src/cli/eval/datasets';

const good = (id: string, text: string, ours: Record<string, unknown> = {}) => JSON.stringify({ id, text, labels: { ours }, meta: {} });

describe('dataset reader', () => {
  it('keeps good rows and counts bad lines without throwing', () => {
    const text = [
      good('a', 'my parcel is late', { dissatisfied: true }),
      '',
      '{"id": "broken", "text": ',
      '[1, 2, 3]',
      JSON.stringify({ id: 'no-text', labels: {} }),
      JSON.stringify({ id: 7, text: 'numeric id', labels: { ours: { valence: 0.5 } } }),
      'not json at all',
      good('b', 'thanks, all sorted', { dissatisfied: false }),
      '   ',
    ].join('\n');
    const d = parseJsonl(text, 'sample');
    expect(d.rows.map((r) => r.id)).toEqual(['a', '7', 'b']);
    expect(d.skipped).toBe(4);
    expect(d.skippedLines).toEqual([3, 4, 5, 7]);
    expect(d.rows[0]!.ours).toEqual({ dissatisfied: true });
    expect(d.rows[1]!.meta).toEqual({});
  });

  it('tolerates missing labels/meta and CRLF line ends', () => {
    const d = parseJsonl(`{"id":"x","text":"hello"}\r\n{"id":"y","text":"again","labels":null}\r\n`);
    expect(d.rows).toHaveLength(2);
    expect(d.rows[0]!.ours).toEqual({});
    expect(d.skipped).toBe(0);
  });

  it('reads <dir>/<name>.jsonl and returns null for a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-ds-'));
    writeFileSync(join(dir, 'demo.jsonl'), `${good('1', 'one')}\n{bad\n`);
    const d = readDataset(dir, 'demo');
    expect(d?.rows).toHaveLength(1);
    expect(d?.skipped).toBe(1);
    expect(readDataset(dir, 'absent')).toBeNull();
  });

  it('builds the contract thread from meta.previous_turns', () => {
    const row = {
      id: 't', text: 'still nothing', ours: {},
      meta: { previous_turns: [{ speaker: 'USER', text: 'where is my order' }, { speaker: 'SUPP', text: 'checking now' }] },
    };
    expect(toContractInput(row)).toEqual({
      id: 't', text: 'still nothing',
      thread: [{ role: 'customer', text: 'where is my order' }, { role: 'agent', text: 'checking now' }],
    });
    expect(toContractInput({ ...row, meta: { previous_turns: [] } })).toEqual({ id: 't', text: 'still nothing' });
    expect(toContractInput({ ...row, meta: {} })).toEqual({ id: 't', text: 'still nothing' });
  });
});
