/**
 * The stable JSONL contract of `tactful analyze --format jsonl`, used by external evaluation.
 * Keep these fields and their meaning; adding fields is fine.
 */
import type { Analyzer, SuggestOptions } from '../engine';
import { MESSAGE_ROLES, suggest, type MessageRole, type ThreadMessage } from '../engine';

export interface ContractInput {
  id: string;
  text: string;
  /** Earlier messages of the thread, oldest first. */
  thread?: Array<{ role: MessageRole; text: string }>;
}

export interface ContractCue {
  ruleId: string;
  category: string;
  start: number;
  end: number;
  text: string;
}

export interface ContractRecord {
  id: string;
  complaint: boolean;
  frustration: 0 | 1 | 2 | 3 | 4;
  score: number;
  categories: string[];
  boundary: boolean;
  profanity: boolean;
  cues: ContractCue[];
  /** The playbook for this message: the first wording of each step, in playbook order. */
  suggestions: Array<{ step: string; text: string; ruleId: string }>;
}

/** Check one parsed JSONL value; returns the input or a message saying what is wrong. */
export function parseContractInput(value: unknown): ContractInput | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object {"id","text","thread"?}';
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' && typeof v.id !== 'number') return '"id" must be a string';
  if (typeof v.text !== 'string') return '"text" must be a string';
  const out: ContractInput = { id: String(v.id), text: v.text };
  if (v.thread !== undefined && v.thread !== null) {
    if (!Array.isArray(v.thread)) return '"thread" must be an array of {"role","text"}';
    const thread: ContractInput['thread'] = [];
    for (const [i, m] of v.thread.entries()) {
      const msg = m as Record<string, unknown> | null;
      if (typeof msg !== 'object' || msg === null || typeof msg.text !== 'string') return `"thread[${i}]" must be {"role","text"}`;
      const role = (MESSAGE_ROLES as readonly string[]).includes(String(msg.role)) ? (msg.role as MessageRole) : null;
      if (!role) return `"thread[${i}].role" must be one of ${MESSAGE_ROLES.join(', ')}`;
      thread.push({ role, text: msg.text });
    }
    out.thread = thread;
  }
  return out;
}

export function analyzeRecord(input: ContractInput, analyzer: Analyzer, options: SuggestOptions = {}): ContractRecord {
  const thread: ThreadMessage[] = [...(input.thread ?? []), { role: 'customer', text: input.text }];
  const result = analyzer.analyze(thread);
  const steps = suggest(result, analyzer.pack, thread, options);
  const m = result.messages[result.messages.length - 1]!;
  return {
    id: input.id,
    complaint: m.complaint,
    frustration: m.frustration,
    score: m.score,
    categories: m.categories.map((c) => c.category),
    boundary: m.boundary,
    profanity: m.profanity,
    cues: m.cues.map((c) => ({ ruleId: c.ruleId, category: c.category, start: c.start, end: c.end, text: c.text })),
    suggestions: steps.map((s) => ({ step: s.step, text: s.texts[0]!, ruleId: s.ruleId })),
  };
}
