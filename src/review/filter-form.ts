/**
 * The filter form's text fields and the LogFilter they mean. Dates are whole UTC days (the
 * statistics group by UTC day too); "to" includes its day. Empty or unreadable fields filter nothing.
 */
import { LOG_ACTIONS, type LogAction } from '../shared/log';
import type { LogFilter } from '../shared/log-filter';

export interface FilterForm {
  /** YYYY-MM-DD (an <input type=date> value) */
  from: string;
  to: string;
  helpdesk: string;
  category: string;
  ruleId: string;
  action: string;
  minFrustration: string;
  maxFrustration: string;
}

export const EMPTY_FORM: FilterForm = { from: '', to: '', helpdesk: '', category: '', ruleId: '', action: '', minFrustration: '', maxFrustration: '' };

const DAY_MS = 86_400_000;

function dayStart(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

function level(value: string): number | undefined {
  const n = value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 4 ? n : undefined;
}

export function filterOf(form: FilterForm): LogFilter {
  const filter: LogFilter = {};
  const from = dayStart(form.from);
  const to = dayStart(form.to);
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to + DAY_MS;
  const text = (v: string) => v.trim().slice(0, 200);
  if (text(form.helpdesk)) filter.helpdesk = text(form.helpdesk);
  if (text(form.category)) filter.category = text(form.category);
  if (text(form.ruleId)) filter.ruleId = text(form.ruleId);
  if (LOG_ACTIONS.includes(form.action as LogAction)) filter.action = form.action as LogAction;
  const min = level(form.minFrustration);
  const max = level(form.maxFrustration);
  if (min !== undefined) filter.minFrustration = min;
  if (max !== undefined) filter.maxFrustration = max;
  return filter;
}
