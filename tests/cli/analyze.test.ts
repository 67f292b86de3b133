import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { files } from '../engine/helpers';
import { runCli } from './run';

const CONTRACT_KEYS = ['id', 'complaint', 'frustration', 'score', 'categories', 'boundary', 'cues'];

describe('tactful analyze', () => {
  it('says when a rule took longer than its time budget and was left out (a genuinely slow regex)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-slow-pack-'));
    for (const f of files()) writeFileSync(join(dir, f.path.split('/').pop()!), f.text);
    writeFileSync(join(dir, 'slow.yaml'), "rules:\n  - id: slow.numbered\n    category: complaint\n    reason: Words before a number.\n    match:\n      regex: ['(?:\\p{L}+\\s+){1,500}\\p{N}']\n    examples:\n      match: [order 12]\n");
    const text = 'please tell me where my parcel went because nobody answers any of my emails '.repeat(110); // ~8,400 characters: ~170 ms once warm, well over 50 ms on the re-measure
    const r = runCli(['analyze', '-', '--pack', dir], text);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Note: rule slow\\.numbered was disabled: took [\\d.]+ ms on a message of ${text.length} characters \\(budget 50 ms\\); its cues are left out\\.`));
  }, 60_000);

  it('prints a readable report with the cue words highlighted and the why', () => {
    const r = runCli(['analyze', '-'], 'I have been waiting for three weeks for my order.');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Frustration/);
    expect(r.stdout).toMatch(/\[\[[^\]]*waiting[^\]]*\]\]1/);
    expect(r.stdout).toMatch(/why: /);
  });

  it('prints JSON with the contract fields and the full analysis', () => {
    const r = runCli(['analyze', '-', '--format', 'json'], 'still waiting for my refund');
    const out = JSON.parse(r.stdout);
    for (const k of CONTRACT_KEYS) expect(out).toHaveProperty(k);
    expect(out.categories).toContain('delay');
    expect(out.analysis.activeRanges).toEqual([[0, 27]]);
  });

  it('answers 5,000 JSONL lines with 5,000 lines, in order, keeping the contract', () => {
    const texts = ['still waiting for my refund', 'thanks, all good', 'you were charged twice? no: I was charged twice!', 'what is your refund policy?'];
    const input = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `${texts[i % texts.length]} #${i}`, ...(i % 7 === 0 ? { thread: [{ role: 'agent', text: 'Sorry about that.' }] } : {}) })).join('\n');
    const r = runCli(['analyze', '-', '--format', 'jsonl'], input);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5000);
    expect(lines.map((l) => l.id)).toEqual(Array.from({ length: 5000 }, (_, i) => `r${i}`));
    for (const k of CONTRACT_KEYS) expect(lines[0]).toHaveProperty(k);
    const cue = lines[0].cues[0];
    expect(Object.keys(cue)).toEqual(['ruleId', 'category', 'start', 'end', 'text']);
    expect(`${texts[0]} #0`.slice(cue.start, cue.end)).toBe(cue.text);
  });

  it('streams a 100,000-line file, answering bad lines with an error record instead of crashing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-'));
    const file = join(dir, 'big.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      if (i === 10) lines.push('{not json');
      else if (i === 20) lines.push(JSON.stringify({ id: 'no-text' }));
      else lines.push(JSON.stringify({ id: i, text: i % 2 ? 'still waiting' : 'ok thanks' }));
    }
    writeFileSync(file, lines.join('\n'));
    const r = runCli(['analyze', file], undefined, 300_000);
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split('\n');
    expect(out).toHaveLength(100_000);
    expect(JSON.parse(out[10]!)).toEqual({ id: 'line:11', error: 'line 11: not valid JSON' });
    expect(JSON.parse(out[20]!)).toEqual({ id: 'no-text', error: 'line 21: "text" must be a string' });
    expect(JSON.parse(out[99_999]!).id).toBe('99999');
    expect(r.stderr).toMatch(/line 11: not valid JSON/);
  }, 300_000);

  it('says clearly what is wrong with the command line', () => {
    expect(runCli(['analyze', '/no/such/file.txt']).stderr).toMatch(/no such file/);
    const r = runCli(['analyze', '-', '--format', 'xml'], 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of: text, json, jsonl/);
    expect(runCli(['frobnicate']).code).toBe(2);
  });

  it('handles binary garbage and empty input', () => {
    expect(runCli(['analyze', '-', '--format', 'json'], '').code).toBe(0);
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    const r = runCli(['analyze', '-', '--format', 'json'], garbage);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).score).toBeGreaterThanOrEqual(0);
  });
});

describe('tactful analyze: playbook', () => {
  it('adds suggestions (first wording of each step, in playbook order) to JSONL records', () => {
    const r = runCli(['analyze', '-', '--format', 'jsonl', '--tone', 'formal', '--channel', 'chat'], JSON.stringify({ id: 'p', text: 'I was charged twice for my order and I am still waiting for the refund!!' }));
    const out = JSON.parse(r.stdout);
    expect(Array.isArray(out.suggestions)).toBe(true);
    for (const s of out.suggestions) {
      expect(Object.keys(s)).toEqual(['step', 'text', 'ruleId']);
      expect(s.text).not.toMatch(/[{}]|\s{2}|Hi ,/);
    }
    const order = ['acknowledge', 'apologise', 'options', 'boundary', 'escalate', 'follow_up'];
    const steps = out.suggestions.map((s: { step: string }) => order.indexOf(s.step));
    expect(steps).toEqual([...steps].sort((a: number, b: number) => a - b));
  });

  it('rejects an unknown tone', () => {
    const r = runCli(['analyze', '-', '--tone', 'grumpy'], 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--tone must be one of: warm, formal, concise/);
  });
});

describe('tactful coach', () => {
  it('answers JSONL drafts with issues whose offsets point into the draft, in order', () => {
    const input = [
      { id: 'a', customer: 'You charged me twice and nobody answers!!!', draft: 'Please see our FAQ.' },
      { id: 'b', draft: 'Thanks for your question: the plan costs $10 a month.' },
    ].map((x) => JSON.stringify(x)).join('\n');
    const r = runCli(['coach', '-', '--format', 'jsonl'], `${input}\nnot json\n`);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'line:3']);
    expect(lines[0].issues.map((i: { kind: string }) => i.kind)).toContain('no_options');
    for (const i of lines[0].issues) {
      expect(Object.keys(i).slice(0, 5)).toEqual(['kind', 'start', 'end', 'text', 'advice']);
      expect('Please see our FAQ.'.slice(i.start, i.end)).toBe(i.text);
    }
    expect(lines[1].issues).toEqual([]);
    expect(lines[2].error).toMatch(/not valid JSON/);
    expect(r.code).toBe(1);
  });
});
