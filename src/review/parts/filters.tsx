/** The filter form: every change re-queries the store (text fields on commit, not per keystroke). */
import { LOG_ACTIONS } from '../../shared/log';
import { EMPTY_FORM, type FilterForm } from '../filter-form';
import type { ReviewModel } from '../model';
import { Field } from './field';
import { ACTION_LABELS } from './format';

const KNOWN_HELPDESKS = ['demo', 'rt', 'zendesk', 'freshdesk', 'intercom', 'helpscout', 'front', 'gmail', 'freescout', 'osticket'];

export function FiltersView({ model }: { model: ReviewModel }) {
  const form = model.form.value;
  const facets = model.facets.value;
  const set = (key: keyof FilterForm) => (e: Event) => void model.setFilter({ [key]: (e.currentTarget as HTMLInputElement).value });
  const options = (values: string[]) => values.map((v) => <option key={v} value={v}>{v}</option>);
  return (
    <form class="filters" aria-label="Filter events" onSubmit={(e) => e.preventDefault()}>
      <Field id="f-from" label="From (UTC)"><input id="f-from" type="date" value={form.from} onChange={set('from')} /></Field>
      <Field id="f-to" label="To (UTC)"><input id="f-to" type="date" value={form.to} onChange={set('to')} /></Field>
      <Field id="f-helpdesk" label="Helpdesk">
        <input id="f-helpdesk" type="text" size={10} value={form.helpdesk} onChange={set('helpdesk')} list="f-helpdesks" />
        <datalist id="f-helpdesks">{options(KNOWN_HELPDESKS)}</datalist>
      </Field>
      <Field id="f-category" label="Category">
        <select id="f-category" value={form.category} onChange={set('category')}><option value="">any</option>{options(facets.categories)}</select>
      </Field>
      <Field id="f-rule" label="Rule">
        <select id="f-rule" value={form.ruleId} onChange={set('ruleId')}><option value="">any</option>{options(facets.rules)}</select>
      </Field>
      <Field id="f-action" label="Action">
        <select id="f-action" value={form.action} onChange={set('action')}>
          <option value="">any</option>
          {LOG_ACTIONS.map((a) => <option key={a} value={a}>{ACTION_LABELS[a]}</option>)}
        </select>
      </Field>
      <Field id="f-min" label="Frustration from"><input id="f-min" type="number" min={0} max={4} step={1} value={form.minFrustration} onChange={set('minFrustration')} /></Field>
      <Field id="f-max" label="Frustration to"><input id="f-max" type="number" min={0} max={4} step={1} value={form.maxFrustration} onChange={set('maxFrustration')} /></Field>
      <button type="button" onClick={() => void model.setFilter(EMPTY_FORM)}>Reset filters</button>
    </form>
  );
}
