import type { Cue } from '../../engine';
import { CATEGORY_LABELS } from '../labels';
import type { PanelModel } from '../model';

interface Piece {
  text: string;
  cue?: Cue;
}

/** Splits text into plain pieces and cue pieces (overlapping cues: the earlier, longer one wins). */
export function highlightPieces(text: string, cues: readonly Cue[]): Piece[] {
  const sorted = [...cues].filter((c) => c.end > c.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: Piece[] = [];
  let at = 0;
  for (const cue of sorted) {
    if (cue.start < at) continue;
    if (cue.start > at) pieces.push({ text: text.slice(at, cue.start) });
    pieces.push({ text: text.slice(cue.start, cue.end), cue });
    at = cue.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

/** The latest customer message with the words that fired each rule marked, and the rules' reasons. */
export function CueView({ model }: { model: PanelModel }) {
  const latest = model.latestCustomer.value;
  if (!latest) return null;
  const { analysis, message } = latest;
  const cues = analysis.cues;
  return (
    <section aria-label="Why" class="cues">
      <h2>Why</h2>
      <blockquote class="message" data-testid="customer-message">
        {highlightPieces(message.text, cues).map((p, i) =>
          p.cue ? (
            <mark key={i} title={`${CATEGORY_LABELS[p.cue.category] ?? p.cue.category}: ${p.cue.reason}`} data-rule={p.cue.ruleId}>
              {p.text}
            </mark>
          ) : (
            p.text
          ),
        )}
      </blockquote>
      {cues.length > 0 ? (
        <ul class="cue-list" data-testid="cue-list">
          {cues.map((c) => (
            <li key={`${c.ruleId}:${c.start}`}>
              <q>{c.text}</q> <span class="pill">{CATEGORY_LABELS[c.category] ?? c.category}</span>
              <div class="muted">
                {c.reason} <code>{c.ruleId}</code>{' '}
                <button type="button" class="quiet small" onClick={() => model.wrongCue(c)} aria-label={`Wrong cue: ${c.text}`}>Wrong cue</button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Nothing difficult detected in the latest message.</p>
      )}
    </section>
  );
}
