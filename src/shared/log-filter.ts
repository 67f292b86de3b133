/** Which events a review query, a statistics view or an export covers. Shared by the store and the review page. */
import type { LogAction, LogEvent } from './log';

export interface LogFilter {
  /** Inclusive lower bound on `time` (ms). */
  from?: number;
  /** Exclusive upper bound on `time` (ms), so consecutive days never share an event. */
  to?: number;
  helpdesk?: string;
  category?: string;
  ruleId?: string;
  action?: LogAction;
  minFrustration?: number;
  maxFrustration?: number;
}

export function matchesFilter(event: LogEvent, filter: LogFilter): boolean {
  return (
    (filter.from === undefined || event.time >= filter.from) &&
    (filter.to === undefined || event.time < filter.to) &&
    (filter.helpdesk === undefined || event.helpdesk === filter.helpdesk) &&
    (filter.action === undefined || event.action === filter.action) &&
    (filter.category === undefined || event.categories.includes(filter.category)) &&
    (filter.ruleId === undefined || event.ruleIds.includes(filter.ruleId)) &&
    (filter.minFrustration === undefined || event.frustration >= filter.minFrustration) &&
    (filter.maxFrustration === undefined || event.frustration <= filter.maxFrustration)
  );
}
