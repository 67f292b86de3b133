/**
 * A compact in-memory copy of the fields the review filters and statistics read (time, agent,
 * helpdesk, action, frustration, rules, categories), one typed array per field with strings as
 * dictionary numbers. Scanning 100,000 rows of it takes a few milliseconds, where reading the same
 * events from IndexedDB takes hundreds; the store stays the source of truth: the copy is built from
 * it, told about every write, and pages of rows are still read from the store by primary key.
 */
import { LOG_ACTIONS, type LogAction, type LogEvent } from '../../shared/log';
import type { LogFilter } from '../../shared/log-filter';
import { assembleStats, emptyCounts, type ActionCounts, type LogStats } from '../../shared/log-stats';

const DAY_MS = 86_400_000;
const ACTION_NUMBER = new Map<LogAction, number>(LOG_ACTIONS.map((a, i) => [a, i]));

/** Strings to small numbers and back. */
class Dictionary {
  readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();

  add(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) this.numbers.set(name, (n = this.names.push(name) - 1));
    return n;
  }

  /** -1 for a name no row has. */
  find(name: string): number {
    return this.numbers.get(name) ?? -1;
  }
}

/** A typed array that grows by doubling. */
class Column<A extends Float64Array | Uint32Array | Uint8Array> {
  constructor(public data: A) {}

  set(row: number, value: number): void {
    if (row >= this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => A)(Math.max(1024, this.data.length * 2, row + 1));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[row] = value;
  }
}

/** Rows' lists of dictionary numbers (rules, categories): row r owns entries starts[r]..starts[r+1]. */
class ListColumn {
  readonly starts = new Column(new Uint32Array(1024));
  readonly entries = new Column(new Uint32Array(1024));
  private size = 0;

  push(row: number, values: Iterable<number>): void {
    this.starts.set(row, this.size);
    for (const v of values) this.entries.set(this.size++, v);
    this.starts.set(row + 1, this.size);
  }

  has(row: number, value: number): boolean {
    const { entries } = this;
    for (let k = this.starts.data[row]!, end = this.starts.data[row + 1]!; k < end; k++) if (entries.data[k] === value) return true;
    return false;
  }
}

/** The primary key the store uses for an event. */
export type EventKey = [agent: string, id: string];

export class LogColumns {
  private rows = 0;
  private readonly time = new Column(new Float64Array(1024));
  private readonly agent = new Column(new Uint32Array(1024));
  private readonly helpdesk = new Column(new Uint32Array(1024));
  private readonly action = new Column(new Uint8Array(1024));
  private readonly frustration = new Column(new Float64Array(1024));
  private readonly rules = new ListColumn();
  private readonly categories = new ListColumn();
  private readonly ids: string[] = [];
  private readonly agents = new Dictionary();
  private readonly helpdesks = new Dictionary();
  private readonly ruleNames = new Dictionary();
  private readonly categoryNames = new Dictionary();
  /** Row numbers in the store's time-index order (time, agent, id); null until next needed after out-of-order rows. */
  private order: Uint32Array | null = new Uint32Array(0);

  get size(): number {
    return this.rows;
  }

  /** Adds events the store now holds (each once: the store's writes say which are new). */
  add(events: Iterable<LogEvent>): void {
    const first = this.rows;
    for (const e of events) {
      const row = this.rows++;
      this.time.set(row, e.time);
      this.agent.set(row, this.agents.add(e.agent));
      this.helpdesk.set(row, this.helpdesks.add(e.helpdesk));
      this.action.set(row, ACTION_NUMBER.get(e.action)!);
      this.frustration.set(row, e.frustration);
      this.rules.push(row, new Set(e.ruleIds.map((r) => this.ruleNames.add(r))));
      this.categories.push(row, new Set(e.categories.map((c) => this.categoryNames.add(c))));
      this.ids[row] = e.id;
    }
    this.extendOrder(first);
  }

  /** New rows that all sort after the old ones (live recording) extend the order; anything else re-sorts on the next read. */
  private extendOrder(first: number): void {
    if (!this.order || first === this.rows) return;
    const fresh = Array.from({ length: this.rows - first }, (_, k) => first + k).sort(this.compare);
    const last = this.order.length > 0 ? this.order[this.order.length - 1]! : -1;
    if (last >= 0 && this.compare(last, fresh[0]!) > 0) {
      this.order = null;
      return;
    }
    const order = new Uint32Array(this.rows);
    order.set(this.order);
    order.set(fresh, this.order.length);
    this.order = order;
  }

  /** IndexedDB key order: numbers by value, strings by UTF-16 code units (as JS compares them). */
  private readonly compare = (a: number, b: number): number => {
    const t = this.time.data[a]! - this.time.data[b]!;
    if (t !== 0) return t;
    const agentA = this.agents.names[this.agent.data[a]!]!;
    const agentB = this.agents.names[this.agent.data[b]!]!;
    if (agentA !== agentB) return agentA < agentB ? -1 : 1;
    return this.ids[a]! < this.ids[b]! ? -1 : this.ids[a]! > this.ids[b]! ? 1 : 0;
  };

  private sorted(): Uint32Array {
    this.order ??= Uint32Array.from({ length: this.rows }, (_, k) => k).sort(this.compare);
    return this.order;
  }

  /** Positions in the sorted order whose time lies in [from, to). */
  private timeSpan(order: Uint32Array, from: number, to: number): [number, number] {
    const firstAtLeast = (t: number) => {
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.time.data[order[mid]!]! < t) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return [from === -Infinity ? 0 : firstAtLeast(from), to === Infinity ? order.length : firstAtLeast(to)];
  }

  /**
   * Calls `visit` with each matching row, oldest first unless `newestFirst`, until it returns false.
   * The time range is found by binary search; the other criteria are checked row by row.
   */
  private scan(filter: LogFilter, newestFirst: boolean, visit: (row: number) => boolean | void): void {
    const from = filter.from ?? -Infinity;
    const to = filter.to ?? Infinity;
    if (!(from < to)) return;
    const find = (dictionary: Dictionary, name: string | undefined) => (name === undefined ? undefined : dictionary.find(name));
    const helpdesk = find(this.helpdesks, filter.helpdesk);
    const rule = find(this.ruleNames, filter.ruleId);
    const category = find(this.categoryNames, filter.category);
    const action = filter.action === undefined ? undefined : ACTION_NUMBER.get(filter.action);
    if (helpdesk === -1 || rule === -1 || category === -1) return;
    const min = filter.minFrustration ?? -Infinity;
    const max = filter.maxFrustration ?? Infinity;
    const order = this.sorted();
    const [start, end] = this.timeSpan(order, from, to);
    const { helpdesk: helpdesks, action: actions, frustration } = this;
    const matches = (row: number) =>
      (helpdesk === undefined || helpdesks.data[row] === helpdesk) &&
      (action === undefined || actions.data[row] === action) &&
      frustration.data[row]! >= min &&
      frustration.data[row]! <= max &&
      (rule === undefined || this.rules.has(row, rule)) &&
      (category === undefined || this.categories.has(row, category));
    if (newestFirst) {
      for (let k = end - 1; k >= start; k--) if (matches(order[k]!) && visit(order[k]!) === false) return;
    } else {
      for (let k = start; k < end; k++) if (matches(order[k]!) && visit(order[k]!) === false) return;
    }
  }

  /** The keys of one page of matching events and how many match in all. */
  page(filter: LogFilter, offset: number, limit: number, newestFirst: boolean): { keys: EventKey[]; total: number } {
    const keys: EventKey[] = [];
    let total = 0;
    this.scan(filter, newestFirst, (row) => {
      if (total >= offset && keys.length < limit) keys.push([this.agents.names[this.agent.data[row]!]!, this.ids[row]!]);
      total++;
    });
    return { keys, total };
  }

  /** The keys of every matching event, oldest first (exports read them in batches). */
  keys(filter: LogFilter): EventKey[] {
    const keys: EventKey[] = [];
    this.scan(filter, false, (row) => void keys.push([this.agents.names[this.agent.data[row]!]!, this.ids[row]!]));
    return keys;
  }

  /** The same statistics StatsAccumulator gives for the matching events, from counters by dictionary number. */
  stats(filter: LogFilter): LogStats {
    const totals = emptyCounts();
    const perRule: ActionCounts[] = [];
    const perCategory: ActionCounts[] = [];
    const perDay = new Map<number, ActionCounts>();
    const agents = new Set<number>();
    let events = 0;
    let first = Infinity;
    let last = -Infinity;
    const bump = (list: ListColumn, counts: ActionCounts[], row: number, action: LogAction) => {
      for (let k = list.starts.data[row]!, end = list.starts.data[row + 1]!; k < end; k++) (counts[list.entries.data[k]!] ??= emptyCounts())[action]++;
    };
    this.scan(filter, false, (row) => {
      const action = LOG_ACTIONS[this.action.data[row]!]!;
      const time = this.time.data[row]!;
      events++;
      agents.add(this.agent.data[row]!);
      if (time < first) first = time;
      if (time > last) last = time;
      totals[action]++;
      bump(this.rules, perRule, row, action);
      bump(this.categories, perCategory, row, action);
      const day = Math.floor(time / DAY_MS);
      let counts = perDay.get(day);
      if (!counts) perDay.set(day, (counts = emptyCounts()));
      counts[action]++;
    });
    const named = (dictionary: Dictionary, counts: ActionCounts[]) => new Map(counts.flatMap((c, n) => (c ? [[dictionary.names[n]!, c] as const] : [])));
    return assembleStats({
      events,
      agents: agents.size,
      ...(events > 0 ? { first, last } : {}),
      totals,
      byRule: named(this.ruleNames, perRule),
      byCategory: named(this.categoryNames, perCategory),
      byDay: new Map([...perDay].map(([day, counts]) => [new Date(day * DAY_MS).toISOString().slice(0, 10), counts])),
    });
  }
}
