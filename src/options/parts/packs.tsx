/** The list of packs in precedence order (first wins), with enable/disable, order and create/import. */
import { useState } from 'preact/hooks';
import { BUILT_IN_ID, OVERLAY_ID } from '../../shared/packs';
import { docLabel, kindOf } from '../docs';
import type { OptionsModel } from '../model';

export function PackList({ model }: { model: OptionsModel }) {
  const ids = model.packIds.value;
  const locked = new Set(model.policy.value.lockedPackIds);
  const state = model.state.value;
  const versionOf = (id: string) => (kindOf(id) === 'team' ? state.packs.find((p) => p.id === id)?.versions.at(-1)?.n : undefined);
  const isOn = (id: string) => (id === BUILT_IN_ID ? state.builtInEnabled : kindOf(id) === 'policy' ? !state.disabledPolicyPacks.includes(id) : state.packs.find((p) => p.id === id)?.enabled ?? false);
  return (
    <section aria-labelledby="packs-heading" class="packs">
      <h2 id="packs-heading">Packs</h2>
      <p class="muted">The first pack wins: its rules replace rules with the same id further down.</p>
      <ol data-testid="pack-list">
        {ids.map((id, i) => {
          const version = versionOf(id);
          const label = docLabel(id, state);
          return (
            <li key={id} class={model.selected.value === id ? 'selected' : ''} data-pack={id}>
              <label>
                <input type="checkbox" checked={isOn(id)} disabled={locked.has(id) || model.readOnlyStore} onChange={(e) => void model.toggle(id, (e.target as HTMLInputElement).checked)} />
                {' '}{label}
              </label>
              <span class="muted">
                {kindOf(id) === 'team' ? (version ? ` v${version}` : ' draft only, not active') : ''}
                {locked.has(id) ? ' (locked by your administrator)' : ''}
                {isOn(id) && !model.enabled.value.has(id) && kindOf(id) === 'team' && model.policy.value.allowUserPacks ? ' (not active until saved)' : ''}
              </span>
              <span class="row-actions">
                <button type="button" aria-label={`Move ${label} up`} disabled={i === 0} onClick={() => void model.reorder(id, -1)}>↑</button>
                <button type="button" aria-label={`Move ${label} down`} disabled={i === ids.length - 1} onClick={() => void model.reorder(id, 1)}>↓</button>
                <button type="button" onClick={() => void model.select(id)} aria-label={`Open ${label}`}>Open</button>
              </span>
            </li>
          );
        })}
      </ol>
      <p>
        <button type="button" onClick={() => void model.select(OVERLAY_ID)} aria-pressed={model.selected.value === OVERLAY_ID}>Personal overrides</button>
      </p>
      <NewPack model={model} />
    </section>
  );
}

function NewPack({ model }: { model: OptionsModel }) {
  const [id, setId] = useState('');
  const allowed = model.policy.value.allowUserPacks && !model.readOnlyStore;
  const onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) await model.importFile(file.name, new Uint8Array(await file.arrayBuffer()));
    input.value = '';
  };
  if (!allowed) return <p class="muted">Your administrator manages the rule packs; you can still set personal overrides.</p>;
  return (
    <div class="new-pack">
      <label>
        New pack id <input value={id} onInput={(e) => setId((e.target as HTMLInputElement).value)} placeholder="our-team" pattern="[a-z0-9][a-z0-9.\-]*" />
      </label>{' '}
      <button type="button" disabled={!id} onClick={() => void model.createPack(id, id).then((ok) => ok && setId(''))}>New empty pack</button>{' '}
      <button type="button" disabled={!id} onClick={() => void model.copyBuiltIn(id, id).then((ok) => ok && setId(''))}>Copy of the built-in pack</button>
      <p>
        <label>
          Import a pack (.yaml or .zip) <input type="file" accept=".yaml,.yml,.zip" onChange={(e) => void onFile(e)} data-testid="import-input" />
        </label>
      </p>
    </div>
  );
}
