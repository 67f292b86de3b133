import type { PanelModel } from '../model';

/** A quiet line per rule the time budget turned off: the agent reads on, the team lead finds it in the log. */
export function DisabledRulesView({ model }: { model: PanelModel }) {
  const disabled = model.disabledRules.value;
  if (disabled.length === 0) return null;
  return (
    <section class="disabled-rules muted" data-testid="disabled-rules" aria-label="Rules turned off">
      {disabled.map((d) => (
        <p key={d.ruleId} data-rule={d.ruleId}>
          Rule {d.ruleId} was turned off until this panel is reopened: it took {d.ms} ms on a message of {d.chars} characters (limit {d.budgetMs} ms). Suggestions may miss what it looks for; your team lead can see this in the log.
        </p>
      ))}
    </section>
  );
}
