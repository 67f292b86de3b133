import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv, toNdjson } from '../../src/shared/log-format';
import { runCli } from '../cli/run';
import { event } from './helpers';

describe('tactful logs report', { timeout: 120_000 }, () => {
  // Agent A exported NDJSON; agent B exported CSV, and B's file repeats two of A's events.
  const a = [
    event({ id: 'a1', agent: 'A', action: 'shown', ruleIds: ['delay.waiting'], categories: ['delay'] }),
    event({ id: 'a2', agent: 'A', action: 'inserted', ruleIds: ['delay.waiting'], categories: ['delay'] }),
    event({ id: 'a3', agent: 'A', action: 'shown', ruleIds: ['billing.charged-twice'], categories: ['billing'] }),
  ];
  const b = [
    event({ id: 'a1', agent: 'B', action: 'shown', ruleIds: ['delay.waiting'], categories: ['delay'] }),
    event({ id: 'b2', agent: 'B', action: 'shown', ruleIds: ['delay.waiting'], categories: ['delay'] }),
    event({ id: 'b3', agent: 'B', action: 'dismissed', ruleIds: ['delay.waiting'], categories: ['delay'] }),
    event({ id: 'b4', agent: 'B', action: 'rated_down', ruleIds: ['billing.charged-twice'], categories: ['billing'], reason: 'too stiff' }),
    ...a.slice(0, 2),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'tactful-logs-'));
  const fileA = join(dir, 'agent-a.ndjson');
  const fileB = join(dir, 'agent-b.csv');
  writeFileSync(fileA, toNdjson(a));
  writeFileSync(fileB, toCsv(b));

  it('merges the files, drops the duplicates and prints the statistics as JSON', () => {
    const r = runCli(['logs', 'report', fileA, fileB, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ files: 2, duplicates: 2, invalid: 0, stats: { events: 7, agents: 2 } });
    const delay = out.stats.byRule.find((x: { key: string }) => x.key === 'delay.waiting');
    expect(delay.counts).toMatchObject({ shown: 3, inserted: 1, dismissed: 1, rated_down: 0 });
    expect(delay.rates.insert).toBeCloseTo(1 / 3);
    expect(out.stats.byCategory.find((x: { key: string }) => x.key === 'billing').counts).toMatchObject({ shown: 1, rated_down: 1 });
  });

  it('prints readable per-category and per-rule tables, and names bad lines', () => {
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, `${toNdjson(a.slice(2))}{oops\n`);
    const r = runCli(['logs', 'report', fileA, fileB, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:2: not valid JSON`);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Suggestion log: 7 events from 2 agents in 3 files, 2026-01-01 to 2026-01-01');
    expect(lines[1]).toBe('(3 duplicates merged, 1 invalid line skipped)');
    expect(lines).toContain('category  shown  inserted  edited  dismissed  rated down  insert rate');
    expect(lines.find((l) => l.startsWith('delay '))!.split(/\s+/)).toEqual(['delay', '3', '1', '0', '1', '0', '33.3%']);
    expect(lines.find((l) => l.startsWith('billing.charged-twice'))!.split(/\s+/)).toEqual(['billing.charged-twice', '1', '0', '0', '0', '1', '0.0%']);
  });

  it('explains a wrong command line', () => {
    expect(runCli(['logs', 'summary']).stderr).toMatch(/unknown logs subcommand "summary"/);
    expect(runCli(['logs', 'report']).code).toBe(2);
  });
});
