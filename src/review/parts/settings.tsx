/** The logging settings (mode, retention days, max events); saving applies retention at once. */
import { LOGGING_MODES } from '../../shared/log';
import type { ReviewModel } from '../model';
import { Field } from './field';

const MODE_LABELS: Record<string, string> = { off: 'Off (log nothing)', metadata: 'Metadata only (no text)', excerpts: 'Redacted excerpts' };

export function SettingsView({ model }: { model: ReviewModel }) {
  const s = model.settings.value;
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    void model.saveSettings({ mode: data.get('mode'), retentionDays: Number(data.get('retentionDays')), maxEvents: Number(data.get('maxEvents')) });
  };
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Logging settings</h2>
      {/* key: the form re-renders its defaults when stored settings load */}
      <form key={JSON.stringify(s)} onSubmit={onSubmit} aria-label="Logging settings">
        <Field id="s-mode" label="Logging">
          <select id="s-mode" name="mode">{LOGGING_MODES.map((m) => <option key={m} value={m} selected={m === s.mode}>{MODE_LABELS[m]}</option>)}</select>
        </Field>
        <Field id="s-days" label="Keep events for (days)"><input id="s-days" type="number" name="retentionDays" min={1} step={1} defaultValue={String(s.retentionDays)} required /></Field>
        <Field id="s-max" label="Keep at most (events)"><input id="s-max" type="number" name="maxEvents" min={1} step={1} defaultValue={String(s.maxEvents)} required /></Field>
        <button type="submit">Save settings</button>
      </form>
      {model.settingsProblems.value.length > 0 && (
        <ul class="problems" data-testid="settings-problems">{model.settingsProblems.value.map((p) => <li key={p}>{p}</li>)}</ul>
      )}
    </section>
  );
}
