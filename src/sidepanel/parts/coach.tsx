import { COACH_LABELS } from '../labels';
import type { PanelModel } from '../model';

/** The coach on the agent's own draft, updated as they type in the helpdesk's editor. */
export function CoachView({ model }: { model: PanelModel }) {
  if (!model.draft.value.trim()) return null;
  const issues = model.coachIssues.value;
  return (
    <section aria-label="Your draft" class="coach">
      <h2>Your draft</h2>
      {issues.length === 0 ? (
        <p class="ok" data-testid="coach-ok">Looks good: warm, specific, and with a next step.</p>
      ) : (
        <ul data-testid="coach-issues">
          {issues.map((issue) => (
            <li key={`${issue.kind}:${issue.start}`} data-kind={issue.kind}>
              <strong>{COACH_LABELS[issue.kind] ?? issue.kind}</strong>
              {issue.text && <> <q>{issue.text}</q></>}
              <div>{issue.advice}</div>
              {issue.rewrite && <div class="muted">Try: “{issue.rewrite}”</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
