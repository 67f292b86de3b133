/**
 * The review page's state as signals: the filter, a paged window onto the matching events (the
 * table asks for the rows it shows; pages are fetched from the store by offset/limit and cached),
 * statistics, the event under review, import/export/clear and the logging settings. Kept apart from
 * the components so node tests drive it with a fake transport over a fake-indexeddb store.
 */
import { batch, computed, signal } from '@preact/signals';
import { DEFAULT_LOG_SETTINGS, type LogEvent, type LogSettings } from '../shared/log';
import type { LogStats } from '../shared/log-stats';
import { parseLogSettings } from '../shared/log-settings';
import { MAX_IMPORT_CHARS, type ExportFormat, type ImportSummary, type ReviewResponse } from '../shared/review-protocol';
import { proposalUrl, type ProposedException } from './excerpt';
import { EMPTY_FORM, filterOf, type FilterForm } from './filter-form';
import type { ReviewTransport } from './transport';

/** Rows per request: a few screens of the table, small enough to answer in milliseconds. */
export const PAGE_SIZE = 100;
export const OPTIONS_PAGE = 'src/options/index.html';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export interface FileImport extends ImportSummary {
  file: string;
}

/** What a file picker hands over (File has these; tests pass plain objects). */
export interface ImportFile {
  name: string;
  text(): Promise<string>;
}

export type ReviewModel = ReturnType<typeof createReviewModel>;

export function createReviewModel(transport: ReviewTransport) {
  const form = signal<FilterForm>(EMPTY_FORM);
  const filter = computed(() => filterOf(form.value));
  const total = signal<number | null>(null);
  /** Store time of the latest first-page query, measured in the service worker (ms). */
  const queryMs = signal<number | null>(null);
  const stats = signal<LogStats | null>(null);
  /** Rule and category names over the whole log, for the filter pickers. */
  const facets = signal<{ rules: string[]; categories: string[] }>({ rules: [], categories: [] });
  const selected = signal<LogEvent | null>(null);
  const notice = signal<Notice | null>(null);
  const imports = signal<FileImport[]>([]);
  const settings = signal<LogSettings>(DEFAULT_LOG_SETTINGS);
  const settingsProblems = signal<string[]>([]);
  const busy = signal(false);
  /** Bumped when a page of rows arrives, so the table re-renders. */
  const rowsVersion = signal(0);

  const pages = new Map<number, LogEvent[]>();
  const loading = new Set<number>();
  /** Each refresh starts a generation; answers for an older filter are dropped. */
  let generation = 0;

  const fail = (error: string): void => {
    notice.value = { kind: 'error', text: error };
  };

  function unwrap<T>(response: ({ ok: true } & T) | { ok: false; error: string }): ({ ok: true } & T) | null {
    if (response.ok) return response;
    fail(response.error);
    return null;
  }

  async function fetchPage(index: number, gen: number): Promise<void> {
    loading.add(index);
    const response = await transport.request({ type: 'review/query', filter: filter.value, offset: index * PAGE_SIZE, limit: PAGE_SIZE });
    loading.delete(index);
    if (gen !== generation) return;
    const page = unwrap(response);
    if (!page) return;
    pages.set(index, page.events);
    batch(() => {
      total.value = page.total;
      if (index === 0) queryMs.value = page.ms;
      rowsVersion.value++;
    });
  }

  /** The event at a row (newest first), or undefined while its page loads. Reading it subscribes to arrivals. */
  function rowAt(row: number): LogEvent | undefined {
    void rowsVersion.value;
    return pages.get(Math.floor(row / PAGE_SIZE))?.[row % PAGE_SIZE];
  }

  /** Fetches the pages covering rows first..last (inclusive) that are not cached or on their way. */
  function ensureRows(first: number, last: number): Promise<void> {
    const wanted: Promise<void>[] = [];
    const end = Math.min(last, (total.value ?? 0) - 1);
    for (let p = Math.floor(Math.max(0, first) / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) {
      if (!pages.has(p) && !loading.has(p)) wanted.push(fetchPage(p, generation));
    }
    return Promise.all(wanted).then(() => undefined);
  }

  async function loadStats(gen: number): Promise<void> {
    const response = unwrap(await transport.request({ type: 'review/stats', filter: filter.value }));
    if (response && gen === generation) stats.value = response.stats;
  }

  async function loadFacets(): Promise<void> {
    const response = unwrap(await transport.request({ type: 'review/stats', filter: {} }));
    if (response) facets.value = { rules: response.stats.byRule.map((r) => r.key).sort(), categories: response.stats.byCategory.map((r) => r.key).sort() };
  }

  /**
   * Starts over for the current filter: first page and total, then statistics. In that order, not
   * together: statistics scan every matching row of the in-memory columns, and the service worker
   * would share its time between the two while the reviewer waits for the table.
   */
  async function refresh(): Promise<void> {
    const gen = ++generation;
    pages.clear();
    loading.clear();
    rowsVersion.value++;
    await fetchPage(0, gen);
    if (gen === generation) await loadStats(gen);
  }

  function setFilter(change: Partial<FilterForm>): Promise<void> {
    form.value = { ...form.value, ...change };
    return refresh();
  }

  function proposeException(proposal: ProposedException): void {
    transport.openTab(proposalUrl(transport.pageUrl(OPTIONS_PAGE), proposal));
  }

  async function exportLog(format: ExportFormat): Promise<void> {
    const response = unwrap(await transport.request({ type: 'review/export', filter: filter.value, format }));
    if (!response) return;
    const stamp = new Date().toISOString().slice(0, 10);
    transport.download({
      name: `tactful-log-${stamp}.${format === 'csv' ? 'csv' : 'ndjson'}`,
      type: format === 'csv' ? 'text/csv' : 'application/x-ndjson',
      text: response.text,
    });
    notice.value = { kind: 'ok', text: `Exported ${format.toUpperCase()}.` };
  }

  /** Imports each file in turn (one request per file, so a bad file does not stop the others). */
  async function importFiles(files: readonly ImportFile[]): Promise<void> {
    busy.value = true;
    const reports: FileImport[] = [];
    try {
      for (const file of files) {
        let response: ReviewResponse<'review/import'>;
        try {
          const text = await file.text();
          // Runtime messages have a size limit; say so plainly instead of a "malformed request".
          response = text.length > MAX_IMPORT_CHARS
            ? { ok: false, error: `file too large to import at once (${Math.round(text.length / 1_048_576)} MB; split it below ${MAX_IMPORT_CHARS / 1_048_576} MB)` }
            : await transport.request({ type: 'review/import', text });
        } catch (error) {
          response = { ok: false, error: String(error) };
        }
        reports.push(
          response.ok
            ? { file: file.name, added: response.added, duplicates: response.duplicates, invalid: response.invalid, textDropped: response.textDropped, errors: response.errors }
            : { file: file.name, added: 0, duplicates: 0, invalid: 1, textDropped: 0, errors: [{ line: 0, message: response.error }] },
        );
      }
    } finally {
      imports.value = reports;
      busy.value = false;
    }
    const added = reports.reduce((n, r) => n + r.added, 0);
    notice.value = { kind: 'ok', text: `Imported ${files.length} file${files.length === 1 ? '' : 's'}: ${added} new events.` };
    await Promise.all([refresh(), loadFacets()]);
  }

  async function clearLog(): Promise<void> {
    if (!unwrap(await transport.request({ type: 'review/clear' }))) return;
    selected.value = null;
    notice.value = { kind: 'ok', text: 'The log is empty.' };
    await Promise.all([refresh(), loadFacets()]);
  }

  async function loadSettings(): Promise<void> {
    const parsed = parseLogSettings(await transport.loadSettings());
    batch(() => {
      settings.value = parsed.settings;
      settingsProblems.value = parsed.problems;
    });
  }

  /** Saves validated settings, then applies retention at once so a shorter period takes effect now. */
  async function saveSettings(next: unknown): Promise<void> {
    const parsed = parseLogSettings(next);
    settingsProblems.value = parsed.problems;
    if (parsed.problems.length > 0) return fail(`Settings not saved: ${parsed.problems.join('; ')}`);
    await transport.saveSettings(parsed.settings);
    settings.value = parsed.settings;
    const response = unwrap(await transport.request({ type: 'review/retention' }));
    if (!response) return;
    const deleted = response.deletedByAge + response.deletedBySize;
    notice.value = { kind: 'ok', text: `Settings saved.${deleted ? ` Retention deleted ${deleted} events.` : ''}` };
    if (deleted) await Promise.all([refresh(), loadFacets()]);
  }

  async function start(): Promise<void> {
    await loadSettings();
    await refresh();
    // The pickers' lists walk the whole log: after the table and its statistics.
    await loadFacets();
  }

  return {
    form, filter, total, queryMs, stats, facets, selected, notice, imports, settings, settingsProblems, busy, rowsVersion,
    rowAt, ensureRows, refresh, setFilter, proposeException, exportLog, importFiles, clearLog, loadSettings, saveSettings, start,
  };
}
