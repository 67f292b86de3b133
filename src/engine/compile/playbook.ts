/** Compiling `playbook:` entries: the wording of each step, checked like rules (file:line errors). */
import { parseTemplate, TemplateError, type TemplatePart } from '../suggest/template';
import type { PlaybookStep } from '../vocabulary';

export type Tone = 'warm' | 'formal' | 'concise';
export type Channel = 'chat' | 'email';

export interface RawPlay {
  id: string;
  step: PlaybookStep;
  categories?: string[];
  when?: {
    min_frustration?: number; max_frustration?: number; min_contacts?: number; boundary_level?: number;
    covered?: PlaybookStep[]; not_covered?: PlaybookStep[]; rules?: string[];
  };
  priority?: number;
  variants: Array<string | { text: string; tone?: Tone; channel?: Channel }>;
}

export interface CompiledVariant {
  text: string;
  parts: TemplatePart[];
  tone?: Tone;
  channel?: Channel;
}

export interface CompiledPlay {
  id: string;
  step: PlaybookStep;
  /** Empty: fits any situation. */
  categories: string[];
  when: {
    minFrustration: number; maxFrustration: number; minContacts: number; boundaryLevel: number;
    covered: PlaybookStep[]; notCovered: PlaybookStep[];
    /** Rule ids (or id prefixes ending in ".") one of which must have fired. */
    rules: string[];
  };
  priority: number;
  variants: CompiledVariant[];
  file: string;
  line: number;
}

export function compilePlay(
  raw: RawPlay, file: string, line: number, err: (path: Array<string | number>, message: string) => void,
): CompiledPlay | null {
  const variants: CompiledVariant[] = [];
  let ok = true;
  raw.variants.forEach((v, i) => {
    const text = typeof v === 'string' ? v : v.text;
    try {
      const variant: CompiledVariant = { text, parts: parseTemplate(text) };
      if (typeof v !== 'string' && v.tone) variant.tone = v.tone;
      if (typeof v !== 'string' && v.channel) variant.channel = v.channel;
      variants.push(variant);
    } catch (e) {
      ok = false;
      err(['variants', i], e instanceof TemplateError ? `wording: ${e.message}` : String(e));
    }
  });
  const w = raw.when ?? {};
  if ((w.min_frustration ?? 0) > (w.max_frustration ?? 4)) {
    ok = false;
    err(['when'], '`min_frustration` is above `max_frustration`');
  }
  if (!ok) return null;
  return {
    id: raw.id, step: raw.step, categories: raw.categories?.filter((c) => c !== 'any') ?? [],
    when: {
      minFrustration: w.min_frustration ?? 0, maxFrustration: w.max_frustration ?? 4, minContacts: w.min_contacts ?? 0,
      boundaryLevel: w.boundary_level ?? 0, covered: w.covered ?? [], notCovered: w.not_covered ?? [], rules: w.rules ?? [],
    },
    priority: raw.priority ?? 0, variants, file, line,
  };
}
