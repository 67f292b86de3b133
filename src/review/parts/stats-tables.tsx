/** Per-rule and per-category outcome tables for the filtered events. */
import type { StatsRow } from '../../shared/log-stats';
import type { ReviewModel } from '../model';
import { formatRate } from './format';

function StatsTable({ caption, keyLabel, rows, testId }: { caption: string; keyLabel: string; rows: StatsRow[]; testId: string }) {
  return (
    <table class="stats" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th><th scope="col">Shown</th><th scope="col">Inserted</th><th scope="col">Copied</th><th scope="col">Edited</th>
          <th scope="col">Dismissed</th><th scope="col">Rated down</th><th scope="col">Wrong cue</th><th scope="col">Disabled</th><th scope="col">Insert rate</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, counts: c, rates }) => (
          <tr key={key}>
            <th scope="row">{key}</th><td>{c.shown}</td><td>{c.inserted}</td><td>{c.copied}</td><td>{c.edited}</td>
            <td>{c.dismissed}</td><td>{c.rated_down}</td><td>{c.wrong_cue}</td><td>{c.rule_disabled}</td><td>{formatRate(rates.insert)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StatsTables({ model }: { model: ReviewModel }) {
  const stats = model.stats.value;
  if (!stats) return null;
  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">Statistics</h2>
      <p class="muted">{stats.events} events from {stats.agents} agent{stats.agents === 1 ? '' : 's'}. An event with two rules counts for both.</p>
      <StatsTable caption="By rule" keyLabel="Rule" rows={stats.byRule} testId="stats-rules" />
      <StatsTable caption="By category" keyLabel="Category" rows={stats.byCategory} testId="stats-categories" />
    </section>
  );
}
