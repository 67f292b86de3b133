/**
 * Bench inputs, all written for the bench (never taken from evaluation data): a ~2 KB complaint
 * email and a ~50 KB, 50-message support thread generated from the templates in texts/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ThreadMessage } from '../../engine';

const TEXT_DIR = resolve(import.meta.dirname, 'texts');

export function complaint2kb(): string {
  return readFileSync(resolve(TEXT_DIR, 'complaint-2kb.txt'), 'utf8');
}

export interface Templates {
  customer: string[];
  agent: string[];
}

/** Parse texts/thread-turns.txt: "--- customer" / "--- agent" headers, "#" comment lines. */
export function parseTemplates(text: string): Templates {
  const out: Templates = { customer: [], agent: [] };
  let role: keyof Templates | null = null;
  let buf: string[] = [];
  const flush = () => {
    if (role && buf.join('').trim()) out[role].push(buf.join('\n').trim());
    buf = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const head = /^--- (customer|agent)\s*$/.exec(line);
    if (head) {
      flush();
      role = head[1] as keyof Templates;
    } else if (!line.startsWith('#')) buf.push(line);
  }
  flush();
  return out;
}

export function loadTemplates(): Templates {
  return parseTemplates(readFileSync(resolve(TEXT_DIR, 'thread-turns.txt'), 'utf8'));
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Fill a template; `seed` makes each message's order, day, amount and ticket different. */
export function fill(template: string, seed: number): string {
  const values: Record<string, string> = {
    order: `${40000 + ((seed * 7919) % 59999)}-${String.fromCharCode(65 + (seed % 26))}${String.fromCharCode(65 + ((seed * 7) % 26))}`,
    day: `${DAYS[seed % 7]} the ${(seed % 27) + 1}${[1, 21].includes((seed % 27) + 1) ? 'st' : [2, 22].includes((seed % 27) + 1) ? 'nd' : [3, 23].includes((seed % 27) + 1) ? 'rd' : 'th'}`,
    amount: `£${(19 + ((seed * 37) % 480)).toFixed(0)}.${String((seed * 13) % 100).padStart(2, '0')}`,
    ticket: `CS-${(100000 + seed * 104729) % 999999}`,
    n: String(2 + (seed % 9)),
  };
  return template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
}

/** How much of the previous message a reply quotes (50 messages come to ~50 KB). */
const QUOTE_CHARS = 500;

/** Quote an earlier message the way mail clients do (first lines, "> " prefixed). */
function quote(text: string, maxChars: number): string {
  const cut = text.length > maxChars ? `${text.slice(0, text.lastIndexOf(' ', maxChars))} ...` : text;
  return cut.split('\n').map((l) => `> ${l}`).join('\n');
}

/**
 * A realistic thread of `count` messages, customer first and alternating with the agent. Each
 * customer reply quotes the start of the agent's previous message (email history), as mail does.
 */
export function buildThread(templates: Templates, count = 50, seed = 1): ThreadMessage[] {
  const thread: ThreadMessage[] = [];
  for (let i = 0; i < count; i++) {
    const role = i % 2 === 0 ? 'customer' : 'agent';
    const list = templates[role];
    let text = fill(list[Math.floor(i / 2) % list.length]!, seed * 1000 + i);
    const previous = thread[thread.length - 1];
    if (role === 'customer' && previous) text += `\n\nOn ${fill('{day}', i)}, Support wrote:\n${quote(previous.text, QUOTE_CHARS)}`;
    thread.push({ role, text, id: `m${seed}-${i}` });
  }
  return thread;
}

/** A new customer message, different for each `seed` (for the incremental measurement). */
export function newCustomerMessage(templates: Templates, seed: number): ThreadMessage {
  const list = templates.customer;
  return { role: 'customer', text: fill(list[seed % list.length]!, 1_000_000 + seed), id: `new-${seed}` };
}

export const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');
