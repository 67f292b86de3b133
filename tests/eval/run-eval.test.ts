import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval, TASKS } from '../../src/cli/eval/index';
import { capture } from './capture';
import { fixturePackDir } from './fixture-pack';

// Synthetic rows written for this test (not evaluation data), in the public-dev file shape.
type Ours = Record<string, unknown>;
const row = (id: string, text: string, ours: Ours, meta: Record<string, unknown> = {}) =>
  JSON.stringify({ id, text, labels: { original: {}, ours }, source: 'synthetic', meta });

const UPSET = 'I have been waiting three weeks for my refund and nobody answers. This is the third time I am writing!';
const CALM = 'Thanks, the parcel arrived this morning and everything looks great.';
const RUDE = 'Shut up, you are a fucking useless idiot.';

const FILES: Record<string, string[]> = {
  complaints_tweets: [row('c1', UPSET, { dissatisfied: true }), row('c2', CALM, { dissatisfied: false }), row('c3', 'Do you ship to Norway?', { dissatisfied: false })],
  airline_tweets: [
    row('a1', 'Flight delayed four hours and still no update at the gate.', { dissatisfied: true, trigger: 'service_delay' }),
    row('a2', 'You lost my suitcase on the way to Denver.', { dissatisfied: true, trigger: 'company_mistake' }),
    row('a3', 'Great crew on the morning flight, thank you!', { dissatisfied: false }),
  ],
  goemotions_test: [row('g1', 'This is so annoying, I am fed up.', { frustrated: true, dissatisfied: false }), row('g2', CALM, { frustrated: false, dissatisfied: false }), row('g3', 'What a letdown that was.', { frustrated: false, dissatisfied: true })],
  twcs_frustration: [
    row('t1', 'Where is my order?', { frustration_level: 1 }, { previous_turns: [] }),
    row('t2', UPSET, { frustration_level: 4 }, { previous_turns: [{ speaker: 'USER', text: 'Where is my order?' }, { speaker: 'SUPP', text: 'Sorry, checking now.' }] }),
    row('t3', CALM, { frustration_level: 0 }, { previous_turns: [] }),
    row('t4', 'no label here', {}, { previous_turns: [] }),
  ],
  convabuse: [row('v1', RUDE, { abusive: true }), row('v2', 'what is the weather like', { abusive: false })],
  davidson_offensive: [row('d1', 'what a fucking mess', { abusive_or_profane: true }), row('d2', 'lovely day at the beach', { abusive_or_profane: false })],
  banking77_test: [
    row('b1', 'My card still has not arrived after two weeks.', { trigger: 'service_delay' }),
    row('b2', 'I was charged twice for the same purchase.', { trigger: 'company_mistake' }),
    row('b3', 'Please close my account, I am moving to another bank.', { churn_intent: true }),
    row('b4', 'How do I change my PIN?', {}),
  ],
  vader_groundtruth: [row('s1', CALM, { valence: 0.7 }), row('s2', UPSET, { valence: -0.6 }), row('s3', 'It is a table.', { valence: 0 })],
};

function syntheticDir(only?: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tactful-eval-'));
  for (const [name, lines] of Object.entries(FILES)) {
    if (only && !only.includes(name)) continue;
    writeFileSync(join(dir, `${name}.jsonl`), `${lines.join('\n')}\n{this line is broken\n`);
  }
  return dir;
}

const PACK = ['--pack', fixturePackDir()];
const METRIC_COUNT = TASKS.reduce((n, t) => n + t.metrics.length, 0);

describe('tactful eval', () => {
  it('skips cleanly when the data folder is absent', async () => {
    const missing = join(tmpdir(), 'tactful-no-such-eval-folder');
    const text = await capture(() => runEval(['--data', missing]));
    expect(text.value).toBe(0);
    expect(text.stdout).toMatch(/no evaluation data at .*tactful-no-such-eval-folder.*skipped/);
    const json = await capture(() => runEval(['--data', missing, '--json', '--check']));
    expect(json.value).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ skipped: true });
  });

  it('prints one table with a row for every task and metric', async () => {
    const r = await capture(() => runEval([...PACK, '--data', syntheticDir()]));
    expect(r.value).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.findIndex((l) => /^task\s+label ~ Tactful\s+metric\s+n\s+Tactful\s+VADER\s+AFINN\s+obscenity\s+target\s+pass/.test(l));
    expect(header).toBeGreaterThanOrEqual(0);
    const tableRows = lines.slice(header + 2, header + 2 + METRIC_COUNT);
    for (const task of TASKS) for (const m of task.metrics) {
      expect(tableRows.some((l) => l.startsWith(task.name) && l.includes(m.label)), `${task.name} / ${m.label}`).toBe(true);
    }
    expect(r.stdout).toMatch(/targets met: \d\/5/);
    expect(r.stdout).toMatch(/timing:/);
    expect(r.stdout).toMatch(/unreadable line\(s\) skipped/);
  });

  it('--json prints one object with every task, metric values and timing', async () => {
    const r = await capture(() => runEval([...PACK, '--data', syntheticDir(), '--json']));
    const out = JSON.parse(r.stdout);
    expect(out.table).toHaveLength(METRIC_COUNT);
    expect(new Set(out.table.map((m: { task: string }) => m.task))).toEqual(new Set(TASKS.map((t) => t.name)));
    const complaints = out.table.find((m: { task: string }) => m.task === 'complaints_tweets');
    expect(complaints).toMatchObject({ metric: 'macro-F1', n: 3, target: 0.78 });
    expect(typeof complaints.tactful).toBe('number');
    expect(typeof complaints.vader).toBe('number');
    expect(out.table.find((m: { task: string }) => m.task === 'convabuse').obscenity).toBe(1);
    const twcs = out.tasks.find((t: { task: string }) => t.task === 'twcs_frustration');
    expect(twcs).toMatchObject({ rows: 4, skippedLines: 1 });
    expect(out.table.find((m: { key: string; task: string }) => m.task === 'twcs_frustration').n).toBe(3);
    expect(typeof twcs.timing.tactful_ms).toBe('number');
    // Trigger categories come through the contract: the fixture pack's mistake.charged-twice rule.
    const banking = (key: string) => out.table.find((m: { task: string; key: string }) => m.task === 'banking77_test' && m.key === key);
    expect(banking('company_mistake_recall')).toMatchObject({ metric: 'recall', n: 1, tactful: 1 });
    expect(banking('company_mistake_fp_rate')).toMatchObject({ metric: 'FP rate', n: 2, tactful: 0 });
  });

  it('--check exits 1 exactly when a target is missed', async () => {
    const r = await capture(() => runEval([...PACK, '--data', syntheticDir(), '--json', '--check']));
    const out = JSON.parse(r.stdout);
    expect(r.value).toBe(out.targets.missed.length > 0 ? 1 : 0);
  });

  it('--only limits the tasks and a missing file is reported, not fatal', async () => {
    const r = await capture(() => runEval([...PACK, '--data', syntheticDir(['convabuse']), '--only', 'convabuse,banking77_test', '--json']));
    const out = JSON.parse(r.stdout);
    expect(out.tasks.map((t: { task: string; status: string }) => `${t.task}:${t.status}`)).toEqual(['convabuse:ok', 'banking77_test:missing']);
    expect(out.warnings.join('\n')).toMatch(/banking77_test: file missing/);
    await expect(runEval([...PACK, '--data', syntheticDir(), '--only', 'nope'])).rejects.toThrow(/unknown task nope/);
  });

  it('--errors N lists examples on the terminal (stderr in --json mode, never in the JSON)', async () => {
    const text = await capture(() => runEval([...PACK, '--data', syntheticDir(), '--errors', '1']));
    expect(text.stdout).toMatch(/== .* · (false positives|false negatives) \(1\)/);
    const json = await capture(() => runEval([...PACK, '--data', syntheticDir(), '--errors', '1', '--json']));
    expect(json.stdout).not.toContain('cues:');
    expect(json.stderr).toContain('cues:');
  });
});
