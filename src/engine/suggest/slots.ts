/**
 * Slot values from the thread: the customer's first name, order and ticket numbers, how long they
 * waited, the product. Helpdesk metadata wins; then what the text says, read conservatively (a
 * wrong name is worse than none).
 */
import { segmentMessage } from '../text/segment';
import type { ThreadMessage } from '../types';
import type { Slots } from './template';

export interface SuggestContext {
  customerName?: string;
  agentName?: string;
  company?: string;
  product?: string;
  orderId?: string;
  ticketId?: string;
}

const NUMBER_WORD = '(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few|a couple of|\\d{1,3})';
const UNIT = '(?:minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?)\\b';
/** "for three weeks", "over 2 days", "nearly a month": a wait that has already happened. */
const WAIT_FOR = new RegExp(`\\b(?:for|over|nearly|almost|more than|about|already)\\s+(?:(?:over|nearly|almost|more than|about)\\s+)?(${NUMBER_WORD}\\s+(?:(?:whole|full|entire)\\s+)?${UNIT})(?!\\s+(?:from now|later|time))`, 'i');
/** "3 weeks ago" (the order was placed then): the customer has waited that long. */
const WAIT_AGO = new RegExp(`\\b(${NUMBER_WORD}\\s+${UNIT})\\s+ago\\b`, 'i');
const WAIT_SINCE = /\bsince\s+((?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)\b/i;
/** Order ids follow the word "order"; phone numbers follow call/phone/tel and are never taken. */
const ORDER = /\border\b\s*(?:number|no\.?|num|id|ref(?:erence)?)?\s*[:#]?\s*#?\s*([A-Z0-9][A-Z0-9-]{3,19})\b/i;
const HASH_ID = /(?:^|[\s(])#([A-Z0-9][A-Z0-9-]{3,19})\b/i;
const TICKET = /\b(?:ticket|case|reference|ref)\b\s*(?:number|no\.?|id)?\s*[:#]?\s*#?\s*([A-Z0-9][A-Z0-9-]{2,19})\b/i;
const PHONE_CONTEXT = /(?:call|phone|tel|mobile|cell|whatsapp|fax|number is|reach me (?:at|on))\W{0,3}$/i;
const NAME_WORD = /^[A-Z][a-z'’-]{1,20}$/;
const NOT_NAMES = new Set(['Thanks', 'Thank', 'Regards', 'Best', 'Cheers', 'Sent', 'Kind', 'Warm', 'Sincerely', 'Customer', 'Support', 'Team', 'Mr', 'Mrs', 'Ms', 'Dr', 'Hi', 'Hello', 'Dear', 'Order', 'The', 'Your', 'My']);

function hasDigit(s: string): boolean {
  return /\d/.test(s);
}

/** The id captured by `re` unless it sits right after phone words. */
function idFrom(text: string, re: RegExp): string | undefined {
  const m = re.exec(text);
  if (!m || !m[1] || !hasDigit(m[1])) return undefined;
  if (PHONE_CONTEXT.test(text.slice(Math.max(0, m.index - 20), m.index + m[0].indexOf(m[1])))) return undefined;
  const digits = m[1].replace(/\D/g, '');
  if (digits.length > 12) return undefined; // card or phone numbers, never order ids
  return m[1];
}

/** "I'll wait for two days", "happy to wait a week": a wait still to come. */
const FUTURE_WAIT = /(?:will|'ll|going to|can|could|would|happy to|willing to)\s+(?:\w+\s+)?wait\s+$/i;

export function extractWait(text: string): string | undefined {
  let m = WAIT_FOR.exec(text);
  if (m && FUTURE_WAIT.test(text.slice(Math.max(0, m.index - 30), m.index))) m = null;
  m ??= WAIT_AGO.exec(text);
  if (m?.[1]) return m[1].replace(/\s+/g, ' ').toLowerCase();
  const s = WAIT_SINCE.exec(text);
  return s?.[1] ? `since ${s[1].replace(/\s+/g, ' ')}`.replace(/since (monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)/i, (_, d: string) => `since ${d[0]!.toUpperCase()}${d.slice(1).toLowerCase()}`) : undefined;
}

export function extractOrder(text: string): string | undefined {
  return idFrom(text, ORDER) ?? idFrom(text, HASH_ID);
}

export function extractTicket(text: string): string | undefined {
  return idFrom(text, TICKET);
}

/** First name from a greeting line of an agent reply ("Hi Sarah,"). */
function nameFromGreeting(agentText: string): string | undefined {
  const m = /^\s*(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Gg]ood (?:morning|afternoon|evening))\s+([A-Z][a-z'’-]{1,20})\b/m.exec(agentText);
  return m?.[1] && !NOT_NAMES.has(m[1]) ? m[1] : undefined;
}

/** First name from the customer's own signature or introduction. */
function nameFromCustomer(text: string): string | undefined {
  const seg = segmentMessage(text);
  const lines: string[] = [];
  if (seg.signature) lines.push(...text.slice(seg.signature[0], seg.signature[1]).split('\n'));
  // A lone name on the last line of the current words ("...\n\nSarah").
  const last = seg.active[seg.active.length - 1];
  if (last) lines.push(text.slice(last[0], last[1]).split('\n').pop() ?? '');
  for (const line of lines) {
    const words = line.trim().replace(/[,.!]+$/, '').split(/\s+/);
    if (words.length >= 1 && words.length <= 3 && words.every((w) => NAME_WORD.test(w)) && !NOT_NAMES.has(words[0]!)) return words[0];
  }
  const intro = /\b(?:my name is|this is|i am|i'm)\s+([A-Z][a-z'’-]{1,20})\b(?!\s+(?:writing|here|again|contacting|still|not|so|very|really))/.exec(text);
  if (intro?.[1] && !NOT_NAMES.has(intro[1]) && /my name is|this is/i.test(intro[0])) return intro[1];
  return undefined;
}

const HONORIFICS = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam)\.?$/i;

function firstName(full: string | undefined): string | undefined {
  const first = full?.trim().split(/\s+/).find((w) => !HONORIFICS.test(w));
  return first && /^\p{L}[\p{L}'’-]*$/u.test(first) ? first : undefined;
}

/** Slot values for the latest customer message, looking back through the thread. */
export function extractSlots(thread: readonly ThreadMessage[], context: SuggestContext = {}): Slots {
  const slots: Slots = {};
  const customer = thread.filter((m) => m.role === 'customer').map((m) => m.text).reverse();
  const agent = thread.filter((m) => m.role === 'agent').map((m) => m.text).reverse();
  const current = (text: string) => segmentMessage(text).active.map(([a, b]) => text.slice(a, b)).join('\n');

  const name = firstName(context.customerName) ?? agent.map(nameFromGreeting).find(Boolean) ?? customer.map(nameFromCustomer).find(Boolean);
  if (name) slots.name = name;
  const order = context.orderId ?? customer.map((t) => extractOrder(current(t))).find(Boolean);
  if (order) slots.order = order.startsWith('#') ? order : `#${order}`;
  const ticket = context.ticketId ?? customer.map((t) => extractTicket(current(t))).find(Boolean);
  if (ticket) slots.ticket = ticket;
  const wait = customer.map((t) => extractWait(current(t))).find(Boolean);
  if (wait) slots.wait = wait;
  if (context.product) slots.product = context.product;
  const agentName = firstName(context.agentName);
  if (agentName) slots.agent = agentName;
  if (context.company) slots.company = context.company;
  return slots;
}
