/**
 * Wording templates: plain text with named slots, `{name}` or `{name|fallback}`. A slot that
 * cannot be filled takes its fallback; a template whose slot has neither is not used, so no
 * suggestion ever shows "{name}" or "Hi ,".
 */

export const SLOT_NAMES = ['name', 'order', 'ticket', 'wait', 'product', 'agent', 'company'] as const;
export type SlotName = (typeof SLOT_NAMES)[number];
export type Slots = Partial<Record<SlotName, string>>;

export interface TemplatePart {
  literal?: string;
  slot?: SlotName;
  fallback?: string;
}

export class TemplateError extends Error {}

export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{', at);
    const close = text.indexOf('}', at);
    if (close >= 0 && (open < 0 || close < open)) throw new TemplateError(`"}" without "{" at character ${close + 1}`);
    if (open < 0) {
      parts.push({ literal: text.slice(at) });
      break;
    }
    if (open > at) parts.push({ literal: text.slice(at, open) });
    const end = text.indexOf('}', open);
    if (end < 0) throw new TemplateError(`"{" at character ${open + 1} is never closed`);
    const body = text.slice(open + 1, end);
    const [name, ...rest] = body.split('|');
    const slot = (name ?? '').trim();
    if (!(SLOT_NAMES as readonly string[]).includes(slot)) {
      throw new TemplateError(`unknown slot {${slot}}; slots are ${SLOT_NAMES.map((s) => `{${s}}`).join(', ')}`);
    }
    if (body.includes('{')) throw new TemplateError(`slots cannot be nested: {${body}}`);
    const part: TemplatePart = { slot: slot as SlotName };
    if (rest.length > 0) part.fallback = rest.join('|');
    parts.push(part);
    at = end + 1;
  }
  return parts;
}

/** Tidy joins left by empty slots: doubled spaces, space before punctuation, "Hi ,". */
export function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.;:!?])/g, '$1')
    .replace(/([,;:])(?=[,.;:!?])/g, '')
    .replace(/\( *\)/g, '')
    .replace(/^[ ,]+/gm, '')
    .replace(/ +$/gm, '')
    .trim();
}

/** Fill a parsed template, or return null when a slot has no value and no fallback. */
export function fillTemplate(parts: readonly TemplatePart[], slots: Slots): string | null {
  let out = '';
  for (const p of parts) {
    if (p.literal !== undefined) out += p.literal;
    else if (p.slot) {
      const value = slots[p.slot];
      if (value !== undefined && value.trim() !== '') out += value.trim();
      else if (p.fallback !== undefined) out += p.fallback;
      else return null;
    }
  }
  const text = tidy(out);
  return text === '' ? null : text.charAt(0).toUpperCase() + text.slice(1);
}
