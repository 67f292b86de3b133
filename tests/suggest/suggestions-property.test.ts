/**
 * Suggestions never show an unfilled slot, a doubled space or "Hi ,", and never contradict the
 * analysis (no apology without a fault, no boundary without abuse, wording for a situation only
 * when that situation was detected). Checked over every row of the public development data in
 * ../shared/eval (skipped when it is absent) and over generated threads (fast-check).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, suggest, type CompiledPack, type ThreadAnalysis, type ThreadMessage } from '../../src/engine';
import { loadPackDir } from '../../src/cli/pack-files';

const pack = loadPackDir();
const analyzer = createAnalyzer(pack);
const EVAL_DIR = resolve(import.meta.dirname, '../../../shared/eval/public-dev');
const FAULT = new Set(['delay', 'miscommunication', 'unmet_expectation', 'company_mistake', 'repeat_contact']);

/** Every problem with the suggestions for this thread, as readable strings (empty when all is well). */
export function problems(thread: ThreadMessage[], analysis: ThreadAnalysis, p: CompiledPack): string[] {
  const out: string[] = [];
  const latest = analysis.latest;
  if (!latest) return out;
  const detected = new Set<string>(latest.categories.map((c) => c.category));
  if (latest.complaint) detected.add('complaint');
  if (latest.frustration >= 2) detected.add('frustration');
  const byId = new Map(p.playbook.map((e) => [e.id, e]));
  for (const tone of ['warm', 'formal', 'concise'] as const) {
    for (const channel of ['email', 'chat'] as const) {
      for (const s of suggest(analysis, p, thread, { tone, channel })) {
        if (s.texts.length === 0) out.push(`${s.step}: no wording`);
        s.texts.forEach((text, i) => {
          if (/[{}]/.test(text)) out.push(`${s.step}: unfilled slot in "${text}"`);
          if (/ {2}/.test(text)) out.push(`${s.step}: doubled space in "${text}"`);
          if (/\b(Hi|Hello|Dear) ,/.test(text) || / [,.]/.test(text)) out.push(`${s.step}: broken punctuation in "${text}"`);
          const entry = byId.get(s.sources[i]!)!;
          if (entry.categories.length > 0 && !entry.categories.some((c) => detected.has(c))) out.push(`${s.step}: "${entry.id}" is for ${entry.categories.join('/')}, detected ${[...detected].join('/') || 'nothing'}`);
        });
        if (s.step === 'apologise' && ![...detected].some((c) => FAULT.has(c))) out.push(`apology without a fault (detected ${[...detected].join('/')})`);
        if (s.step === 'boundary' && !latest.boundary) out.push('boundary without abuse');
      }
    }
  }
  return out;
}

function readRows(): Array<{ id: string; thread: ThreadMessage[] }> {
  const rows: Array<{ id: string; thread: ThreadMessage[] }> = [];
  for (const file of readdirSync(EVAL_DIR).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(EVAL_DIR, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { id: string; text: string; meta?: { previous_turns?: Array<{ speaker?: string; role?: string; text: string }> } };
      const earlier = (row.meta?.previous_turns ?? []).map((t): ThreadMessage => ({ role: /supp|agent/i.test(t.speaker ?? t.role ?? '') ? 'agent' : 'customer', text: t.text }));
      rows.push({ id: row.id, thread: [...earlier, { role: 'customer', text: row.text }] });
    }
  }
  return rows;
}

describe.skipIf(!existsSync(EVAL_DIR))('suggestions over the public development data', () => {
  it('never show unfilled slots or contradict the analysis', () => {
    const rows = readRows();
    expect(rows.length).toBeGreaterThan(5000);
    const bad: string[] = [];
    let withSuggestions = 0;
    for (const row of rows) {
      const analysis = analyzer.analyze(row.thread);
      if (suggest(analysis, pack, row.thread).length > 0) withSuggestions++;
      for (const p of problems(row.thread, analysis, pack)) bad.push(`${row.id}: ${p}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
    expect(withSuggestions).toBeGreaterThan(rows.length * 0.2); // the check is not vacuous
  }, 180_000);
});

describe('suggestions over generated threads', () => {
  const phrases = ['still waiting', 'charged twice', 'you idiots', 'third time I am writing', 'I want a manager', 'thanks so much', 'my order #A1234', 'for three weeks', 'Sarah', '\n\nBest regards,\nJohn Smith', '!!!', "I'm sorry", 'would you prefer', 'not late at all', 'no rush'];
  const text = fc.array(fc.constantFrom(...phrases), { minLength: 1, maxLength: 8 }).map((p) => p.join(' '));
  it('never show unfilled slots or contradict the analysis', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ role: fc.constantFrom('customer' as const, 'agent' as const), text }), { minLength: 1, maxLength: 5 }), (thread) => {
        expect(problems(thread, analyzer.analyze(thread), pack)).toEqual([]);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
