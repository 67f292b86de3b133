/**
 * Turns customer text into what the log may keep: a redacted, shortened excerpt with cue spans that
 * still point at the same words. When redaction fails or runs out of time the answer is "no text",
 * never "unredacted text".
 */
import { redact } from '../../engine/redact/redact';
import type { LogEvent } from '../../shared/log';

/** Longest excerpt kept: enough to review a suggestion, small enough for 200,000 events. */
export const EXCERPT_MAX = 2_000;
export const REASON_MAX = 200;
/** Redaction time budget while an agent works (a blown budget means "store no text"). */
const LIVE_BUDGET_MS = 25;
/** Imports are not interactive: a busy machine should not cost them their excerpts. */
const IMPORT_BUDGET_MS = 250;

export type CueSpan = { ruleId: string; start: number; end: number };

/**
 * Cue spans of `original` moved into `redacted`. Redaction replaces personal data by shorter or
 * longer tokens, so offsets shift: each cue's words are looked up in the redacted text (the
 * occurrence nearest the old offset wins); a cue whose words were redacted away is dropped.
 */
export function remapCues(original: string, redacted: string, cues: readonly CueSpan[]): CueSpan[] {
  const out: CueSpan[] = [];
  for (const cue of cues) {
    if (!(Number.isInteger(cue.start) && Number.isInteger(cue.end) && cue.start >= 0 && cue.end > cue.start && cue.end <= original.length)) continue;
    const words = original.slice(cue.start, cue.end);
    if (original === redacted) {
      out.push({ ruleId: cue.ruleId, start: cue.start, end: cue.end });
      continue;
    }
    let best = -1;
    for (let at = redacted.indexOf(words); at >= 0; at = redacted.indexOf(words, at + 1)) {
      if (best < 0 || Math.abs(at - cue.start) < Math.abs(best - cue.start)) best = at;
    }
    if (best >= 0) out.push({ ruleId: cue.ruleId, start: best, end: best + words.length });
  }
  return out;
}

/**
 * The whole text is redacted before it is cut, so a cut can never split an email or card number
 * into a fragment the patterns no longer recognise.
 */
export function redactExcerpt(text: string, cues: readonly CueSpan[], names: readonly string[] = [], budgetMs = LIVE_BUDGET_MS): { excerpt: string; cues: CueSpan[] } | null {
  const result = redact(text, { names, budgetMs, maxLength: text.length });
  if (!result.ok) return null;
  const excerpt = result.text.slice(0, EXCERPT_MAX);
  return { excerpt, cues: remapCues(text, result.text, cues).filter((c) => c.end <= excerpt.length) };
}

/** A free-text reason (thumbs-down comment) redacted and cut; undefined when it cannot be made safe. */
export function redactReason(reason: string | undefined, names: readonly string[] = [], budgetMs = LIVE_BUDGET_MS): string | undefined {
  if (reason === undefined || reason === '') return undefined;
  const result = redact(reason, { names, budgetMs, maxLength: reason.length });
  return result.ok && result.text !== '' ? result.text.slice(0, REASON_MAX) : undefined;
}

/**
 * An event from an import file, with its text redacted again (the file may have been edited by
 * hand). `textDropped` says that an excerpt or reason could not be made safe and was left out.
 */
export function redactImportedEvent(event: LogEvent): { event: LogEvent; textDropped: boolean } {
  const { excerpt, cues, reason, ...rest } = event;
  const safe: LogEvent = { ...rest };
  const safeReason = redactReason(reason, [], IMPORT_BUDGET_MS);
  if (safeReason !== undefined) safe.reason = safeReason;
  const redacted = excerpt === undefined ? null : redactExcerpt(excerpt, cues ?? [], [], IMPORT_BUDGET_MS);
  if (redacted) {
    safe.excerpt = redacted.excerpt;
    if (redacted.cues.length > 0) safe.cues = redacted.cues;
  }
  const textDropped = (reason !== undefined && safeReason === undefined) || (excerpt !== undefined && redacted === null);
  return { event: safe, textDropped };
}
