/** One event under review: its excerpt with the cues marked, the suggestion, what the agent did, and false-positive proposals. */
import { useEffect, useRef } from 'preact/hooks';
import { excerptSegments, proposedExceptions } from '../excerpt';
import type { ReviewModel } from '../model';
import { ACTION_LABELS, formatTime } from './format';

export function EventDetail({ model }: { model: ReviewModel }) {
  const event = model.selected.value;
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard users land on the detail they opened.
  useEffect(() => heading.current?.focus(), [event]);
  if (!event) {
    return (
      <section class="detail" aria-labelledby="detail-title">
        <h2 id="detail-title">Event</h2>
        <p class="muted">Choose an event in the table to review it.</p>
      </section>
    );
  }
  const proposals = proposedExceptions(event);
  return (
    <section class="detail" aria-labelledby="detail-title" data-testid="event-detail">
      <h2 id="detail-title" tabIndex={-1} ref={heading}>Event of {formatTime(event.time)} UTC</h2>
      {event.excerpt !== undefined ? (
        <p class="excerpt" data-testid="excerpt">
          {excerptSegments(event.excerpt, event.cues).map((s) =>
            s.ruleIds.length ? <mark key={s.start} title={s.ruleIds.join(', ')} data-rules={s.ruleIds.join(' ')}>{s.text}</mark> : s.text,
          )}
        </p>
      ) : (
        <p class="muted">No excerpt: this event was logged without customer text (metadata mode).</p>
      )}
      <dl>
        <dt>{event.action === 'rule_disabled' ? 'What happened' : 'Agent did'}</dt><dd data-testid="detail-action">{ACTION_LABELS[event.action]}{event.reason ? ` (${event.reason})` : ''}</dd>
        <dt>Suggestion</dt><dd>{event.suggestionId ? `${event.suggestionId}${event.step ? `, step ${event.step}` : ''}` : 'none (cue-only event)'}</dd>
        <dt>Rules</dt><dd>{event.ruleIds.join(', ') || '–'}</dd>
        <dt>Categories</dt><dd>{event.categories.join(', ') || '–'}</dd>
        <dt>Frustration</dt><dd>{event.frustration} of 4{event.boundary ? '; boundary crossed' : ''}</dd>
        <dt>Helpdesk</dt><dd>{event.helpdesk}</dd>
        <dt>Ticket</dt><dd><code>{event.ticket || '–'}</code></dd>
        <dt>Pack</dt><dd>{event.packId} {event.packVersion}</dd>
        <dt>Agent</dt><dd><code>{event.agent}</code></dd>
      </dl>
      {proposals.length > 0 && (
        <>
          <h3>False positive?</h3>
          <p class="muted">Proposes an exception for the rule and the marked words in the rule-pack editor (a new tab).</p>
          <ul class="proposals">
            {proposals.map((p) => (
              <li key={`${p.ruleId}:${p.text}`}>
                <button type="button" onClick={() => model.proposeException(p)}>Mark as false positive: {p.ruleId} “{p.text}”</button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" class="quiet" onClick={() => (model.selected.value = null)}>Close</button>
    </section>
  );
}
