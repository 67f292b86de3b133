import { useState } from 'preact/hooks';
import type { Suggestion } from '../../engine';
import { STEP_LABELS } from '../labels';
import type { PanelModel } from '../model';

/** The ordered playbook: each step with its current wording and the agent's actions. */
export function PlaybookView({ model }: { model: PanelModel }) {
  const steps = model.suggestions.value;
  if (!model.latestCustomer.value) return null;
  return (
    <section aria-label="Playbook" class="playbook">
      <h2>Playbook</h2>
      {steps.length === 0 && <p class="muted">Nothing to suggest for this message.</p>}
      <ol data-testid="playbook">
        {steps.map((s, i) => {
          const text = model.wordingOf(s);
          const label = STEP_LABELS[s.step] ?? s.step;
          return (
            <li key={s.step} data-step={s.step} class="step">
              <div class="step-head">
                <strong>{label}</strong>
                {i === 0 && <span class="muted"> (Alt+Shift+I inserts)</span>}
                <label class="compose-pick">
                  <input type="checkbox" checked={model.composing.value.has(s.step)} onChange={() => model.toggleCompose(s.step)} /> add to reply
                </label>
              </div>
              <p class="wording" data-testid="wording">{text}</p>
              <p class="muted why">{s.why}</p>
              <div class="actions">
                <button type="button" onClick={() => model.insert(text, s)} aria-label={`Insert: ${label}`}>Insert</button>
                <button type="button" onClick={() => model.copy(text, s)} aria-label={`Copy: ${label}`}>Copy</button>
                {s.texts.length > 1 && (
                  <button type="button" onClick={() => model.nextWording(s.step)} aria-label={`Another wording: ${label}`}>Another wording</button>
                )}
                <button type="button" class="quiet" onClick={() => model.dismiss(s.step)} aria-label={`Dismiss: ${label}`}>Dismiss</button>
                <Rating model={model} suggestion={s} label={label} />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Compose mode: the chosen steps joined into one reply. */
export function ComposeView({ model }: { model: PanelModel }) {
  const reply = model.composedReply.value;
  if (!reply) return null;
  return (
    <section aria-label="Composed reply" class="compose">
      <h2>Your reply</h2>
      <pre class="composed" data-testid="composed-reply">{reply}</pre>
      <div class="actions">
        <button type="button" onClick={() => model.insert(reply)}>Insert reply</button>
        <button type="button" onClick={() => model.copy(reply)}>Copy reply</button>
      </div>
    </section>
  );
}

/** Thumbs up, or thumbs down with an optional reason, for the QA log. */
function Rating({ model, suggestion, label }: { model: PanelModel; suggestion: Suggestion; label: string }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (asking) {
    const send = (event: Event) => {
      event.preventDefault();
      model.rate(suggestion, false, reason.trim() || undefined);
      setAsking(false);
      setReason('');
    };
    return (
      <form class="rating-reason" onSubmit={send}>
        <label>
          What was wrong? <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} placeholder="optional" />
        </label>
        <button type="submit">Send</button>
      </form>
    );
  }
  return (
    <span class="rating">
      <button type="button" class="quiet" onClick={() => model.rate(suggestion, true)} aria-label={`Useful: ${label}`} title="This suggestion helped">Useful</button>
      <button type="button" class="quiet" onClick={() => setAsking(true)} aria-label={`Not useful: ${label}`} title="This suggestion did not fit">Not useful</button>
    </span>
  );
}
