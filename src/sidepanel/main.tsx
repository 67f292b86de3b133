import { mountPage } from '../ui/mount';
import { createPanelModel, type PanelModel } from './model';
import { compilePack } from '../engine';
import { loadActivePack, onActivePackChange } from '../shared/packs-active';
import { chromeStore } from '../shared/packs-store';
import { parseRuleBudget, RULE_BUDGET_KEY } from '../shared/rule-budget';
import { builtInPackFiles } from './pack';
import { CoachView } from './parts/coach';
import { CueView } from './parts/cues';
import { DisabledRulesView } from './parts/disabled-rules';
import { ComposeView, PlaybookView } from './parts/playbook';
import { CustomerState } from './parts/state';
import { SelfTestView, StatusView } from './parts/status';
import { chromeTransport } from './transport';
import './panel.css';

function SidePanel({ model }: { model: PanelModel }) {
  const status = model.status.value;
  const conversation = model.conversation.value;
  return (
    <main data-ticket={conversation?.ticketKey} data-messages={conversation?.messages.length} data-latency-ms={model.latency.value ?? undefined} data-max-slice-ms={model.maxSliceMs.value} data-slice-ms={model.recentSliceMs.value.join(' ')}>
      <header class="panel-head">
        <h1>Tactful</h1>
        {conversation?.subject && <p class="subject" data-testid="subject">{conversation.subject}</p>}
      </header>
      <SelfTestView status={status} />
      {status?.kind === 'conversation' && conversation ? (
        <>
          <CustomerState model={model} />
          <PlaybookView model={model} />
          <ComposeView model={model} />
          <CoachView model={model} />
          <CueView model={model} />
          <DisabledRulesView model={model} />
        </>
      ) : (
        <StatusView model={model} status={status} />
      )}
      <p class={`notice ${model.notice.value?.kind ?? ''}`} role="status" aria-live="polite" data-testid="notice">
        {model.notice.value?.text ?? ''}
      </p>
    </main>
  );
}

/**
 * The panel runs the packs the team lead saved (built-in, team packs, personal overrides, policy);
 * a pack that does not compile falls back to the last good combination, and the panel says so.
 * A new saved version or policy change reloads the panel with it.
 */
async function start(): Promise<void> {
  const store = chromeStore(chrome.storage.local);
  const active = await loadActivePack(store, builtInPackFiles(), compilePack).catch((error: unknown) => {
    // Unreadable storage must not leave the agent without help: the built-in pack still works.
    const built = compilePack(builtInPackFiles());
    if (!built.ok) throw error;
    return { pack: built.pack, problems: [`saved packs could not be read (${String(error)}); using the built-in pack`] };
  });
  const stored: Record<string, unknown> = await store.get([RULE_BUDGET_KEY]).catch(() => ({}));
  const budget = parseRuleBudget(stored[RULE_BUDGET_KEY]);
  const model = createPanelModel(active.pack, chromeTransport(), (text) => navigator.clipboard.writeText(text), { ruleBudgetMs: budget.ruleBudgetMs });
  const problems = [...active.problems, ...budget.problems];
  if (problems.length > 0) model.notice.value = { kind: 'error', text: `Rule packs: ${problems.join('; ')}` };
  mountPage(<SidePanel model={model} />);
  // Policy and pack state are rewritten on every service-worker start: reload only when the packs differ.
  const fingerprint = (files: ReadonlyArray<{ path: string; text: string }>) => files.map((f) => `${f.path}\u0000${f.text}`).join('\u0001');
  const current = 'files' in active ? fingerprint(active.files) : null;
  onActivePackChange(store, () => {
    void loadActivePack(store, builtInPackFiles(), compilePack).then((next) => {
      if (fingerprint(next.files) !== current) location.reload();
    });
  });
}

void start();
