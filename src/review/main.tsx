import { KEEPALIVE_MS } from '../shared/review-protocol';
import { mountPage } from '../ui/mount';
import { createReviewModel, type ReviewModel } from './model';
import { ChartsView } from './parts/charts';
import { EventDetail } from './parts/event-detail';
import { EventTable } from './parts/event-table';
import { FiltersView } from './parts/filters';
import { LogTools } from './parts/log-tools';
import { SettingsView } from './parts/settings';
import { StatsTables } from './parts/stats-tables';
import { chromeTransport } from './transport';
import 'uplot/dist/uPlot.min.css';
import './review.css';

function ReviewPage({ model }: { model: ReviewModel }) {
  const total = model.total.value;
  return (
    <main>
      <h1>Tactful suggestion log</h1>
      <p class="muted">Everything here stays in this browser. Customer text appears only as redacted excerpts.</p>
      <FiltersView model={model} />
      <p class="summary" data-testid="total" data-total={total ?? undefined} data-query-ms={model.queryMs.value ?? undefined} aria-live="polite">
        {total === null ? 'Loading…' : `${total.toLocaleString('en')} event${total === 1 ? '' : 's'}`}
        {model.queryMs.value !== null && <span class="muted"> · query {model.queryMs.value} ms</span>}
      </p>
      <div class="split">
        <EventTable model={model} />
        <EventDetail model={model} />
      </div>
      <ChartsView model={model} />
      <StatsTables model={model} />
      <LogTools model={model} />
      <SettingsView model={model} />
      <p class={`notice ${model.notice.value?.kind ?? ''}`} role="status" aria-live="polite" data-testid="notice">
        {model.notice.value?.text ?? ''}
      </p>
    </main>
  );
}

const transport = chromeTransport();
const model = createReviewModel(transport);
mountPage(<ReviewPage model={model} />);
void model.start();
// Keeps the service worker, and the log it holds in memory for these queries, alive while the page is open.
setInterval(() => void transport.request({ type: 'review/keepalive' }), KEEPALIVE_MS);
