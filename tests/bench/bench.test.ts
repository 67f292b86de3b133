import { describe, expect, it } from 'vitest';
import { runBench } from '../../src/cli/bench/index';
import { percentile, summarise } from '../../src/cli/bench/measure';
import { buildThread, complaint2kb, loadTemplates, newCustomerMessage } from '../../src/cli/bench/texts';
import { capture } from '../eval/capture';
import { fixturePackDir } from '../eval/fixture-pack';

const PACK = ['--pack', fixturePackDir()];

const KEYS = [
  'analyze2kb_p50_ms', 'analyze2kb_p95_ms', 'vader2kb_p50_ms', 'afinn2kb_p50_ms',
  'thread50kb_p50_ms', 'thread50kb_p95_ms', 'incremental_p50_ms', 'compile_ms', 'heap_mb', 'suggest_p50_ms', 'coach_p50_ms',
];

describe('tactful bench', () => {
  it('--json --quick prints every measurement as a number (no timing thresholds here)', async () => {
    const r = await capture(() => runBench([...PACK, '--json', '--quick']));
    expect(r.value).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const k of KEYS) {
      expect(typeof out[k], k).toBe('number');
      expect(Number.isFinite(out[k]), k).toBe(true);
      expect(out[k], k).toBeGreaterThanOrEqual(0);
    }
    expect(out.quick).toBe(true);
    expect(Object.keys(out.targets).sort()).toEqual(['analyze2kb_vs_vader', 'compile_ms', 'incremental_ms', 'suggest_coach_ms', 'thread50kb_ms']);
  });

  it('prints a readable table', async () => {
    const r = await capture(() => runBench([...PACK, '--quick']));
    expect(r.stdout).toMatch(/Tactful analyze, 2 KB complaint/);
    expect(r.stdout).toMatch(/Tactful\/VADER/);
    expect(r.stdout).toMatch(/heap used after/);
  });
});

describe('bench inputs and stats', () => {
  it('uses a ~2 KB complaint and a ~50 KB alternating 50-message thread', () => {
    expect(complaint2kb().length).toBeGreaterThan(1700);
    expect(complaint2kb().length).toBeLessThan(2500);
    const templates = loadTemplates();
    const thread = buildThread(templates, 50);
    expect(thread).toHaveLength(50);
    thread.forEach((m, i) => expect(m.role).toBe(i % 2 === 0 ? 'customer' : 'agent'));
    const bytes = thread.reduce((n, m) => n + m.text.length, 0);
    expect(bytes).toBeGreaterThan(40_000);
    expect(bytes).toBeLessThan(65_000);
    expect(new Set(thread.map((m) => m.text)).size).toBe(50);
    expect(thread.some((m) => /\{\w+\}/.test(m.text))).toBe(false);
    expect(newCustomerMessage(templates, 1).text).not.toBe(newCustomerMessage(templates, 2).text);
  });

  it('summarises samples by nearest-rank percentiles', () => {
    const s = summarise([5, 1, 4, 2, 3, 6, 7, 8, 9, 10]);
    expect(s).toMatchObject({ p50: 5, p95: 10, min: 1, n: 10 });
    expect(percentile([1, 2, 3], 50)).toBe(2);
  });
});
