/** The options page: rule packs (editor, test bench, history) and helpdesks; policy problems for the admin on top. */
import type { HelpdesksModel } from './helpdesks-model';
import type { OptionsModel } from './model';
import { Bench } from './parts/bench';
import { EditorPanel } from './parts/editor';
import { HelpdeskSection } from './parts/helpdesks';
import { History } from './parts/history';
import { PackList } from './parts/packs';

export function App({ model, helpdesks, samples }: { model: OptionsModel; helpdesks: HelpdesksModel; samples: Array<{ name: string; text: string }> }) {
  const policy = model.policy.value;
  const active = model.active.value;
  const notice = model.notice.value;
  return (
    <main class="options">
      <h1>Tactful rule packs</h1>
      <p><a href="../review/index.html">Suggestion log and QA review</a></p>
      {policy.errors.length > 0 && (
        <div role="alert" class="policy-errors" data-testid="policy-errors">
          <strong>Your administrator's policy has problems; those parts are ignored:</strong>
          <ul>{policy.errors.map((e, i) => <li key={i}><code>{e}</code></li>)}</ul>
        </div>
      )}
      {model.problems.value.length > 0 && <div role="alert"><ul>{model.problems.value.map((p, i) => <li key={i}>{p}</li>)}</ul></div>}
      <p data-testid="active-summary" role="status">
        {active ? `Active in the side panel: ${active.pack.meta.id} ${active.pack.meta.version}, ${active.pack.rules.length} rules from ${active.sources.join(', ')}` : 'Compiling the active packs…'}
        {active?.problems.map((p, i) => <span key={i} class="warning"><br />{p}</span>)}
      </p>
      {notice && <p role={notice.kind === 'error' ? 'alert' : 'status'} class={`notice ${notice.kind}`} data-testid="notice">{notice.text}</p>}
      {model.importErrors.value.length > 0 && (
        <div role="alert" data-testid="import-errors">
          <strong>The imported pack was not activated:</strong>
          <ul>{model.importErrors.value.map((e, i) => <li key={i}><code>{e}</code></li>)}</ul>
        </div>
      )}
      <div class="layout">
        <PackList model={model} />
        <div class="work">
          <EditorPanel model={model} />
          <Bench model={model} samples={samples} />
          <History model={model} />
        </div>
      </div>
      <HelpdeskSection model={helpdesks} />
    </main>
  );
}
