/**
 * Statistics of the suggestion log: what happened to suggestions per rule, per category and per day.
 * Pure and incremental (add one event at a time), so the store can feed it from a cursor without
 * loading the log into memory, and the CLI can feed it from merged export files.
 */
import { LOG_ACTIONS, type LogAction, type LogEvent } from './log';

export type ActionCounts = Record<LogAction, number>;

/** Shares of suggestions; null when there is nothing to divide by. */
export interface Rates {
  /** inserted / shown */
  insert: number | null;
  /** copied / shown */
  copy: number | null;
  /** edited / (inserted + copied): how often a used suggestion was changed before sending. */
  edit: number | null;
  /** dismissed / shown */
  dismiss: number | null;
  /** rated_down / shown */
  ratedDown: number | null;
  /** wrong_cue / shown */
  wrongCue: number | null;
}

export interface StatsRow {
  key: string;
  counts: ActionCounts;
  rates: Rates;
}

export interface LogStats {
  events: number;
  agents: number;
  /** Time of the first and last event (absent when there are none). */
  first?: number;
  last?: number;
  totals: StatsRow;
  /** Busiest first (by shown, then by events). An event with two rules counts for both. */
  byRule: StatsRow[];
  byCategory: StatsRow[];
  /** One entry per UTC day that has events, oldest first (`YYYY-MM-DD`). */
  byDay: Array<{ day: string; counts: ActionCounts }>;
}

export const emptyCounts = (): ActionCounts => Object.fromEntries(LOG_ACTIONS.map((a) => [a, 0])) as ActionCounts;
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function ratesOf(c: ActionCounts): Rates {
  return {
    insert: share(c.inserted, c.shown),
    copy: share(c.copied, c.shown),
    edit: share(c.edited, c.inserted + c.copied),
    dismiss: share(c.dismissed, c.shown),
    ratedDown: share(c.rated_down, c.shown),
    wrongCue: share(c.wrong_cue, c.shown),
  };
}

const sum = (c: ActionCounts) => LOG_ACTIONS.reduce((n, a) => n + c[a], 0);

function rows(map: Map<string, ActionCounts>): StatsRow[] {
  return [...map]
    .map(([key, counts]) => ({ key, counts, rates: ratesOf(counts) }))
    .sort((a, b) => b.counts.shown - a.counts.shown || sum(b.counts) - sum(a.counts) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** What the statistics are made of, before rates and sorting. */
export interface StatsParts {
  events: number;
  agents: number;
  first?: number;
  last?: number;
  totals: ActionCounts;
  byRule: Map<string, ActionCounts>;
  byCategory: Map<string, ActionCounts>;
  /** Keyed by `YYYY-MM-DD`. */
  byDay: Map<string, ActionCounts>;
}

/** The one place statistics get their shape, whoever counted them (this accumulator or the store's columns). */
export function assembleStats(parts: StatsParts): LogStats {
  return {
    events: parts.events,
    agents: parts.agents,
    ...(parts.first === undefined ? {} : { first: parts.first, last: parts.last }),
    totals: { key: 'all', counts: { ...parts.totals }, rates: ratesOf(parts.totals) },
    byRule: rows(parts.byRule),
    byCategory: rows(parts.byCategory),
    byDay: [...parts.byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, counts]) => ({ day, counts })),
  };
}

export class StatsAccumulator {
  private events = 0;
  private first: number | undefined;
  private last: number | undefined;
  private readonly agents = new Set<string>();
  private readonly totals = emptyCounts();
  private readonly byRule = new Map<string, ActionCounts>();
  private readonly byCategory = new Map<string, ActionCounts>();
  private readonly byDay = new Map<string, ActionCounts>();

  add(event: LogEvent): void {
    this.events++;
    this.agents.add(event.agent);
    if (this.first === undefined || event.time < this.first) this.first = event.time;
    if (this.last === undefined || event.time > this.last) this.last = event.time;
    this.totals[event.action]++;
    const bump = (map: Map<string, ActionCounts>, key: string) => {
      let counts = map.get(key);
      if (!counts) map.set(key, (counts = emptyCounts()));
      counts[event.action]++;
    };
    for (const rule of new Set(event.ruleIds)) bump(this.byRule, rule);
    for (const category of new Set(event.categories)) bump(this.byCategory, category);
    bump(this.byDay, new Date(event.time).toISOString().slice(0, 10));
  }

  result(): LogStats {
    return assembleStats({
      events: this.events,
      agents: this.agents.size,
      ...(this.first === undefined ? {} : { first: this.first, last: this.last }),
      totals: this.totals,
      byRule: this.byRule,
      byCategory: this.byCategory,
      byDay: this.byDay,
    });
  }
}

export function computeStats(events: Iterable<LogEvent>): LogStats {
  const acc = new StatsAccumulator();
  for (const event of events) acc.add(event);
  return acc.result();
}
