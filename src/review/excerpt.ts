/**
 * Pieces of a redacted excerpt for display, each with the rules whose cues cover it, and the
 * exception a reviewer proposes for a false positive. Pure, so node tests cover the offsets.
 */
import type { LogEvent } from '../shared/log';

export interface Segment {
  text: string;
  start: number;
  /** Rules whose cue spans cover this piece (empty: plain text). */
  ruleIds: string[];
}

/** Splits at every cue boundary, so overlapping cues still highlight exactly their characters. */
export function excerptSegments(excerpt: string, cues: LogEvent['cues'] = []): Segment[] {
  const valid = cues.filter((c) => c.start >= 0 && c.end > c.start && c.end <= excerpt.length);
  const cuts = [...new Set([0, excerpt.length, ...valid.flatMap((c) => [c.start, c.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const ruleIds = [...new Set(valid.filter((c) => c.start <= start && c.end >= end).map((c) => c.ruleId))];
    segments.push({ text: excerpt.slice(start, end), start, ruleIds });
  }
  return segments;
}

export interface ProposedException {
  ruleId: string;
  text: string;
}

/** One proposal per cue: the rule and the words it fired on (the options page reads them from the URL). */
export function proposedExceptions(event: LogEvent): ProposedException[] {
  if (event.excerpt === undefined) return [];
  const seen = new Set<string>();
  const out: ProposedException[] = [];
  for (const cue of event.cues ?? []) {
    const text = event.excerpt.slice(cue.start, cue.end);
    const key = `${cue.ruleId}\u0000${text}`;
    if (text.trim() === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ ruleId: cue.ruleId, text });
  }
  return out;
}

export function proposalUrl(optionsPage: string, proposal: ProposedException): string {
  return `${optionsPage}?propose=${encodeURIComponent(proposal.ruleId)}&text=${encodeURIComponent(proposal.text)}`;
}
