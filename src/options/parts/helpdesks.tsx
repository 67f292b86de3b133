/** The helpdesks Tactful reads: built in, added by the team lead, set by the administrator; the add/edit form and its live test. */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { SELECTOR_FIELDS, type FieldName } from '../helpdesk-form';
import { effectiveOverrides, type HelpdeskRow } from '../helpdesk-list';
import { probeProblems } from '../helpdesk-probe';
import type { HelpdesksModel } from '../helpdesks-model';

const SOURCE_LABEL: Record<HelpdeskRow['source'], string> = {
  policy: 'set by your administrator',
  custom: 'added by your team',
  'built-in': 'built in',
};

export function HelpdeskSection({ model }: { model: HelpdesksModel }) {
  useEffect(() => void model.refreshAccess(), [model]);
  const notice = model.notice.value;
  const stored = model.storedProblems.value;
  return (
    <section aria-labelledby="helpdesks-heading" class="helpdesks" data-testid="helpdesks">
      <h2 id="helpdesks-heading">Helpdesks</h2>
      <p class="muted">
        Where Tactful reads tickets. Add your own helpdesk by its address and the CSS selectors of its messages, or fix a
        built-in helpdesk's selectors after a redesign. Changes apply when a helpdesk page is next loaded.
      </p>
      {stored.length > 0 && (
        <div role="alert"><strong>Some stored helpdesk settings cannot be used:</strong><ul>{stored.map((p, i) => <li key={i}>{p}</li>)}</ul></div>
      )}
      {notice && <p role={notice.kind === 'error' ? 'alert' : 'status'} class={`notice ${notice.kind}`} data-testid="helpdesk-notice">{notice.text}</p>}
      <ul class="helpdesk-list" data-testid="helpdesk-list">
        {model.rows.value.map((row) => <Row key={`${row.source}:${row.definition.id}`} model={model} row={row} />)}
      </ul>
      {model.editing.value ? <HelpdeskFormView model={model} /> : <button type="button" onClick={() => model.addCustom()}>Add a helpdesk</button>}
    </section>
  );
}

function Row({ model, row }: { model: HelpdesksModel; row: HelpdeskRow }) {
  const { definition, source } = row;
  const needsPermission = source === 'custom' && model.access.value[definition.id] === false;
  const fixes = Object.entries(effectiveOverrides(row));
  const busy = model.editing.value !== null;
  return (
    <li data-helpdesk={definition.id} data-source={source}>
      <strong>{definition.name}</strong> <span class={`badge ${source}`}>{SOURCE_LABEL[source]}</span>
      {needsPermission && <span class="badge needs-permission" data-testid="permission-needed"> permission needed</span>}
      {row.replacedByPolicy && <span class="muted"> (your administrator set a helpdesk with the same id; theirs is used)</span>}
      <div class="muted">{definition.matches.map((m) => <code key={m}>{m}</code>)}</div>
      {fixes.length > 0 && (
        <div class="muted">
          Selector fixes: {fixes.map(([k, v]) => <span key={k}><code>{k}: {v}</code>{row.adminOverrides?.[k as keyof typeof row.adminOverrides] ? ' (administrator)' : ''} </span>)}
        </div>
      )}
      <span class="row-actions">
        {needsPermission && <button type="button" onClick={() => void model.grant(definition.id)}>Grant access to {definition.name}</button>}
        {source === 'custom' && (
          <>
            <button type="button" disabled={busy} onClick={() => model.editCustom(definition.id)} aria-label={`Edit ${definition.name}`}>Edit</button>
            <button type="button" disabled={busy} onClick={() => confirm(`Remove the helpdesk ${definition.name}?`) && void model.remove(definition.id)} aria-label={`Remove ${definition.name}`}>Remove</button>
          </>
        )}
        {source === 'built-in' && (
          <button type="button" disabled={busy} onClick={() => model.editOverrides(definition.id)} aria-label={`Fix selectors of ${definition.name}`}>Fix selectors</button>
        )}
      </span>
    </li>
  );
}

/** A labelled input with its hint and its problems, linked for screen readers. */
function Field({ id, label, hint, problems, children }: { id: string; label: string; hint?: string; problems?: string[]; children: (describedBy: string, invalid: boolean) => ComponentChildren }) {
  const describedBy = [hint && `${id}-hint`, problems?.length && `${id}-problem`].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(describedBy, !!problems?.length)}
      {hint && <span id={`${id}-hint`} class="hint muted">{hint}</span>}
      {problems?.length ? <span id={`${id}-problem`} class="field-problem" data-field-problem>{problems.join(' ')}</span> : null}
    </div>
  );
}

function HelpdeskFormView({ model }: { model: HelpdesksModel }) {
  const edit = model.editing.value!;
  const { form } = edit;
  const problems = model.problems.value;
  const isOverride = edit.kind === 'override';
  const base = isOverride ? model.rows.value.find((r) => r.source === 'built-in' && r.definition.id === edit.id)?.definition : undefined;
  const title = isOverride ? `Fix the selectors of ${base?.name ?? edit.id}` : edit.id ? `Edit ${form.name || edit.id}` : 'Add a helpdesk';
  const of = (name: FieldName) => problems[name];
  const text = (e: Event) => (e.target as HTMLInputElement).value;
  // Keyboard and screen-reader users land in the form they just opened.
  useEffect(() => document.getElementById(isOverride ? 'hd-sel-root' : 'hd-name')?.focus(), [isOverride, edit.id]);
  return (
    <form class="helpdesk-form" aria-labelledby="helpdesk-form-heading" onSubmit={(e) => e.preventDefault()} data-testid="helpdesk-form">
      <h3 id="helpdesk-form-heading">{title}</h3>
      {!isOverride && (
        <>
          <Field id="hd-name" label="Name" hint="As agents know it, e.g. Acme Support Desk" problems={of('name')}>
            {(d, bad) => <input id="hd-name" value={form.name} aria-describedby={d} aria-invalid={bad} onInput={(e) => model.update({ name: text(e) })} />}
          </Field>
          <Field id="hd-matches" label="Address (one per line)" hint="Paste the helpdesk's address, e.g. https://help.example.com; it becomes the pattern https://help.example.com/*. Patterns like https://*.example.com/* work too." problems={of('matches')}>
            {(d, bad) => <textarea id="hd-matches" rows={2} value={form.matches} aria-describedby={d} aria-invalid={bad} onInput={(e) => model.update({ matches: text(e) })} />}
          </Field>
          <Field id="hd-ticket-url" label="Ticket address pattern (optional)" hint="A regular expression on the path and query of a ticket page; its first group is the ticket number, e.g. /tickets/(\d+). Without it, every page at the address is a ticket." problems={of('ticketUrl')}>
            {(d, bad) => <input id="hd-ticket-url" value={form.ticketUrl} aria-describedby={d} aria-invalid={bad} onInput={(e) => model.update({ ticketUrl: text(e) })} />}
          </Field>
          <fieldset class="order">
            <legend>Messages on the page are listed</legend>
            <label><input type="radio" name="hd-order" checked={form.order === 'oldest-first'} onChange={() => model.update({ order: 'oldest-first' })} /> oldest first</label>{' '}
            <label><input type="radio" name="hd-order" checked={form.order === 'newest-first'} onChange={() => model.update({ order: 'newest-first' })} /> newest first</label>
          </fieldset>
        </>
      )}
      <fieldset class="selectors">
        <legend>{isOverride ? 'Selectors to replace (empty fields keep the built-in selector)' : 'CSS selectors'}</legend>
        {SELECTOR_FIELDS.map(({ key, label, hint }) => (
          <Field key={key} id={`hd-sel-${key}`} label={`${label}${!isOverride && ['root', 'message', 'body'].includes(key) ? ' (required)' : ''}`} hint={hint} problems={of(key)}>
            {(d, bad) => (
              <input id={`hd-sel-${key}`} class="selector" value={form.selectors[key]} placeholder={base?.selectors[key] ?? ''} aria-describedby={d} aria-invalid={bad}
                spellcheck={false} onInput={(e) => model.update({ selectors: { [key]: text(e) } })} />
            )}
          </Field>
        ))}
      </fieldset>
      {of('form')?.length ? <p role="alert" class="field-problem" data-field-problem>{of('form')!.join(' ')}</p> : null}
      <p class="form-actions">
        <button type="button" onClick={() => void model.test()} disabled={model.probe.value.running}>Test on open page</button>{' '}
        <button type="button" onClick={() => void model.save()}>{isOverride ? 'Save selector fixes' : 'Save helpdesk'}</button>{' '}
        <button type="button" onClick={() => void model.cancel()}>Cancel</button>
      </p>
      <ProbeView model={model} />
    </form>
  );
}

function ProbeView({ model }: { model: HelpdesksModel }) {
  const probe = model.probe.value;
  return (
    <div role="region" aria-label="Test result" aria-live="polite" data-testid="probe-result" class="probe">
      {probe.running && <p>Testing…</p>}
      {probe.message && <p data-testid="probe-message">{probe.message}</p>}
      {probe.tabs.map((tab, i) => {
        const r = tab.result;
        const problems = r ? probeProblems(r) : [];
        const ticket = probe.ticketPage[i];
        return (
          <div key={i} class="probe-tab" data-testid="probe-tab">
            <p><strong>{tab.title || tab.url}</strong> <span class="muted">{tab.url}</span></p>
            {tab.error && <p class="field-problem">Could not read this tab: {tab.error}</p>}
            {r && (
              <>
                <p data-testid="probe-counts">
                  {r.messages} messages: {r.roles.customer} from the customer, {r.roles.agent} from agents, {r.roles.internal} internal notes. Reply editor {r.editor ? 'found' : 'not found'}.
                  {ticket !== undefined && (ticket ? ' This address is a ticket page.' : ' This address does not match the ticket address pattern, so Tactful will not read it as a ticket.')}
                </p>
                {r.first !== undefined && <p>First message: <q data-testid="probe-first">{r.first}</q></p>}
                {r.last !== undefined && <p>Last message: <q data-testid="probe-last">{r.last}</q></p>}
                {problems.length > 0
                  ? <ul class="probe-problems" data-testid="probe-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
                  : <p class="ok">Every selector found something.</p>}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
