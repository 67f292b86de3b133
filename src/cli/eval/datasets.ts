/**
 * Reading the public evaluation sets (JSON Lines) at run time. The data never enters the repo:
 * the folder is an argument, and a missing folder or file is reported, not fatal.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ContractInput } from '../contract';

/** Default data folder: ../shared/eval/public-dev next to the repository root. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '../shared/eval/public-dev');

/** One line of an evaluation file: {"id","text","labels":{"original","ours"},"source","meta"}. */
export interface EvalRow {
  id: string;
  text: string;
  /** Direct label mappings; a missing key means "not labelled", not "negative". */
  ours: Record<string, unknown>;
  meta: Record<string, unknown>;
}

export interface Dataset {
  name: string;
  file: string;
  rows: EvalRow[];
  /** Non-empty lines that were not a usable row (bad JSON, no string text). */
  skipped: number;
  /** 1-based line numbers of the first few skipped lines, for the warning. */
  skippedLines: number[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse JSONL text; blank lines are ignored, bad lines are counted and skipped. */
export function parseJsonl(text: string, name = 'data'): Omit<Dataset, 'file'> {
  const rows: EvalRow[] = [];
  const skippedLines: number[] = [];
  let skipped = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    const row = isObject(value) ? toRow(value, `${name}:${i + 1}`) : null;
    if (row) rows.push(row);
    else {
      skipped++;
      if (skippedLines.length < 5) skippedLines.push(i + 1);
    }
  }
  return { name, rows, skipped, skippedLines };
}

function toRow(v: Record<string, unknown>, fallbackId: string): EvalRow | null {
  if (typeof v.text !== 'string') return null;
  const id = typeof v.id === 'string' || typeof v.id === 'number' ? String(v.id) : fallbackId;
  const labels = isObject(v.labels) ? v.labels : {};
  const ours = isObject(labels.ours) ? labels.ours : {};
  const meta = isObject(v.meta) ? v.meta : {};
  return { id, text: v.text, ours, meta };
}

export function dataDirExists(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}

/** Read `<dir>/<name>.jsonl`, or null when the file is absent. */
export function readDataset(dir: string, name: string): Dataset | null {
  const file = join(dir, `${name}.jsonl`);
  if (!existsSync(file)) return null;
  return { ...parseJsonl(readFileSync(file, 'utf8'), name), file };
}

/** Speaker names in `meta.previous_turns` (twcs_frustration) mapped to contract roles. */
const SPEAKER_ROLES: Record<string, 'customer' | 'agent'> = { USER: 'customer', SUPP: 'agent', customer: 'customer', agent: 'agent' };

/**
 * The contract input an external evaluator would send: the row text as the latest customer
 * message, with earlier turns from `meta.previous_turns` (oldest first) as the thread.
 */
export function toContractInput(row: EvalRow): ContractInput {
  const turns = row.meta.previous_turns;
  if (!Array.isArray(turns) || turns.length === 0) return { id: row.id, text: row.text };
  const thread: NonNullable<ContractInput['thread']> = [];
  for (const t of turns) {
    if (!isObject(t) || typeof t.text !== 'string') continue;
    thread.push({ role: SPEAKER_ROLES[String(t.speaker)] ?? 'customer', text: t.text });
  }
  return thread.length ? { id: row.id, text: row.text, thread } : { id: row.id, text: row.text };
}
