/**
 * The test bench: one ticket through a compiled pack, shaped for display: the words that fired
 * (to highlight), categories, frustration, the playbook, and a trace of every rule that fired or
 * was cancelled (by an exception, a negation or quoting) and why; and the rules the time budget
 * turned off, with how slow they were.
 */
import { describeDisabledRule, suggest, type Analyzer, type CancelledCue, type CategoryScore, type Cue, type Suggestion, type ThreadMessage } from '../engine';

export interface TraceRow {
  ruleId: string;
  words: string;
  outcome: 'fired' | 'cancelled';
  why: string;
  file?: string;
  line?: number;
}

export interface BenchResult {
  text: string;
  cues: Cue[];
  categories: CategoryScore[];
  frustration: number;
  complaint: boolean;
  boundary: boolean;
  playbook: Suggestion[];
  trace: TraceRow[];
  /** Rules the time budget turned off in this editing session (they stay off until the pack changes or the page is reloaded). */
  disabled: Array<{ ruleId: string; text: string; file?: string; line?: number }>;
}

const CANCELLED_BY: Record<CancelledCue['cancelledBy'], string> = {
  exception: 'cancelled by the exception',
  negation: 'cancelled by the negation',
  quoted: 'ignored: it is in quoted history or a signature',
};

/** Customer turns separated by a line with `---` (a thread), or one message. */
export function threadOf(text: string): ThreadMessage[] {
  return text.split(/^---$/m).map((t) => t.trim()).filter(Boolean).map((t) => ({ role: 'customer' as const, text: t }));
}

/** `analyzer`: one per compiled pack for the page's life, so its time budget holds across runs. */
export function runBench(analyzer: Analyzer, text: string): BenchResult | null {
  const pack = analyzer.pack;
  const thread = threadOf(text);
  if (thread.length === 0) return null;
  const analysis = analyzer.analyze(thread);
  const latest = analysis.latest!;
  const where = (ruleId: string) => {
    const rule = pack.byId.get(ruleId);
    return rule ? { file: rule.file, line: rule.line } : {};
  };
  const trace: TraceRow[] = [
    ...latest.cues.map((c): TraceRow => ({ ruleId: c.ruleId, words: c.text, outcome: 'fired', why: `${c.category}, weight ${c.weight}: ${c.reason}`, ...where(c.ruleId) })),
    ...latest.cancelled.map((c): TraceRow => ({ ruleId: c.ruleId, words: c.text, outcome: 'cancelled', why: `${CANCELLED_BY[c.cancelledBy]}${c.by ? ` "${c.by}"` : ''}`, ...where(c.ruleId) })),
  ];
  return {
    text: thread[thread.length - 1]!.text,
    cues: latest.cues,
    categories: latest.categories,
    frustration: latest.frustration,
    complaint: latest.complaint,
    boundary: latest.boundary,
    playbook: suggest(analysis, pack, thread),
    trace,
    disabled: (analysis.disabledRules ?? []).map((d) => ({ ruleId: d.ruleId, text: describeDisabledRule(d), ...where(d.ruleId) })),
  };
}

/** Text cut into plain runs and cue runs for <mark>; where cues overlap, the one starting first wins. */
export function markRuns(text: string, cues: readonly Cue[]): Array<{ text: string; ruleId?: string; reason?: string }> {
  const runs: Array<{ text: string; ruleId?: string; reason?: string }> = [];
  let pos = 0;
  for (const c of [...cues].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (c.start < pos || c.end <= c.start) continue;
    if (c.start > pos) runs.push({ text: text.slice(pos, c.start) });
    runs.push({ text: text.slice(c.start, c.end), ruleId: c.ruleId, reason: c.reason });
    pos = c.end;
  }
  if (pos < text.length) runs.push({ text: text.slice(pos) });
  return runs;
}
