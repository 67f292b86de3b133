import { CATEGORY_LABELS } from '../labels';
import type { PanelModel } from '../model';

const LEVELS = ['Calm', 'Mildly annoyed', 'Frustrated', 'Very frustrated', 'Furious'];
const TRAJECTORY = { rising: '↗ rising', steady: '→ steady', calming: '↘ calming' } as const;

/** Frustration meter, trajectory, repeat contacts, and the escalation notice. */
export function CustomerState({ model }: { model: PanelModel }) {
  const latest = model.latestCustomer.value;
  const analysis = model.analysis.value;
  if (!latest || !analysis) return <p class="muted" data-testid="no-customer">No customer message in this ticket yet.</p>;
  const a = latest.analysis;
  const threat = a.categories.some((c) => c.category === 'escalation_threat');
  return (
    <section aria-label="Customer state">
      {(a.boundary || threat) && (
        <div class="escalation" role="alert" data-testid="escalation-notice">
          {a.boundary
            ? 'Abusive or threatening language: set a boundary calmly, and involve your lead if it continues.'
            : 'The customer mentions escalating (a manager, a complaint, legal action or leaving): follow your escalation protocol.'}
        </div>
      )}
      <div class="meter" data-testid="frustration" data-level={a.frustration}>
        <span class="meter-label">{LEVELS[a.frustration]}</span>
        <meter min={0} max={4} value={a.frustration} aria-label={`Frustration ${a.frustration} of 4`} />
        <span class="muted">{TRAJECTORY[analysis.trajectory]}</span>
        {analysis.repeatContacts > 1 && <span class="pill" data-testid="repeat-count">contact #{analysis.repeatContacts}</span>}
      </div>
      <ul class="categories" data-testid="categories" aria-label="What is going on">
        {a.categories.map((c) => (
          <li key={c.category} data-category={c.category}>
            {CATEGORY_LABELS[c.category] ?? c.category} <span class="muted">{Math.round(c.confidence * 100)}%</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
