/**
 * The two export formats of the suggestion log and their readers: NDJSON (one event per line, exact)
 * and CSV (for spreadsheets: header row, lists joined by "|", cues as `ruleId@start-end`).
 * Readers validate every record and report bad ones by line number instead of throwing, because
 * exports come from other agents' browsers and may have been edited by hand.
 */
import Papa from 'papaparse';
import type { LogEvent } from './log';
import { checkLogEvent } from './log-validate';

export type LogFormat = 'ndjson' | 'csv';

export interface LineError {
  line: number;
  message: string;
}

export interface ParsedLog {
  events: LogEvent[];
  /** Every invalid record, with the line it starts on (1-based). */
  errors: LineError[];
}

export const CSV_COLUMNS = ['id', 'time', 'agent', 'helpdesk', 'ticket', 'packId', 'packVersion', 'action', 'ruleIds', 'categories', 'frustration', 'boundary', 'suggestionId', 'step', 'reason', 'excerpt', 'cues'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['id', 'time', 'agent', 'helpdesk', 'action', 'frustration', 'boundary'];

export function toNdjson(events: Iterable<LogEvent>): string {
  let out = '';
  for (const event of events) out += JSON.stringify(event) + '\n';
  return out;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula, and excerpts are
 * customer text: such cells get a leading apostrophe. Cells that already start with one get another,
 * so the reader can always strip exactly one and the round trip stays exact.
 */
const FORMULA_START = /^[=+\-@\t\r']/;
const escapeCell = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);
const unescapeCell = (s: string) => (s.startsWith("'") ? s.slice(1) : s);

function csvRow(e: LogEvent): string[] {
  const text = (s: string | undefined) => escapeCell(s ?? '');
  return [
    text(e.id), String(e.time), text(e.agent), text(e.helpdesk), text(e.ticket), text(e.packId), text(e.packVersion), e.action,
    text(e.ruleIds.join('|')), text(e.categories.join('|')), String(e.frustration), String(e.boundary),
    text(e.suggestionId), text(e.step), text(e.reason), text(e.excerpt),
    text(e.cues?.map((c) => `${c.ruleId}@${c.start}-${c.end}`).join('|')),
  ];
}

export function toCsv(events: Iterable<LogEvent>): string {
  const rows = Array.from(events, csvRow);
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\n', escapeFormulae: false }) + '\n';
}

/** NDJSON if the first non-blank character opens an object; CSV otherwise. */
export function detectFormat(text: string): LogFormat {
  return /^\s*\{/.test(text) ? 'ndjson' : 'csv';
}

export function parseNdjson(text: string): ParsedLog {
  const result: ParsedLog = { events: [], errors: [] };
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      result.errors.push({ line: i + 1, message: 'not valid JSON' });
      return;
    }
    const checked = checkLogEvent(value);
    if (checked.ok) result.events.push(checked.event);
    else result.errors.push({ line: i + 1, message: checked.error });
  });
  return result;
}

const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** One CSV row (cells by column name) back into the shape checkLogEvent expects. */
function recordOfRow(cells: Map<CsvColumn, string>): Record<string, unknown> {
  const cell = (c: CsvColumn) => unescapeCell(cells.get(c) ?? '');
  const list = (c: CsvColumn) => (cell(c) === '' ? [] : cell(c).split('|'));
  const number = (c: CsvColumn) => (NUMBER.test(cell(c)) ? Number(cell(c)) : cell(c));
  const bool = (s: string) => (s === 'true' ? true : s === 'false' ? false : s);
  const record: Record<string, unknown> = {
    id: cell('id'), time: number('time'), agent: cell('agent'), helpdesk: cell('helpdesk'), ticket: cell('ticket'),
    packId: cell('packId'), packVersion: cell('packVersion'), action: cell('action'), ruleIds: list('ruleIds'),
    categories: list('categories'), frustration: number('frustration'), boundary: bool(cell('boundary')),
  };
  for (const c of ['suggestionId', 'step', 'reason', 'excerpt'] as const) if (cell(c) !== '') record[c] = cell(c);
  if (cell('cues') !== '') {
    record.cues = list('cues').map((item) => {
      const m = /^(.+)@(\d+)-(\d+)$/.exec(item);
      return m ? { ruleId: m[1], start: Number(m[2]), end: Number(m[3]) } : item;
    });
  }
  return record;
}

export function parseCsv(text: string): ParsedLog {
  const result: ParsedLog = { events: [], errors: [] };
  let columns: Array<CsvColumn | null> | null = null;
  // Papa reports where each row ends; counting newlines up to a row's start gives its line number
  // even when quoted cells span several lines.
  let rowStart = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: false,
    step(row) {
      const thisLine = line;
      const end = row.meta.cursor;
      for (let i = rowStart; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      rowStart = end;
      const cells = row.data;
      if (cells.length === 1 && cells[0]!.trim() === '') return;
      if (columns === null) {
        columns = cells.map((name) => ((CSV_COLUMNS as readonly string[]).includes(name.trim()) ? (name.trim() as CsvColumn) : null));
        const missing = REQUIRED_COLUMNS.filter((c) => !columns!.includes(c));
        if (missing.length > 0) {
          result.errors.push({ line: thisLine, message: `the header row lacks the columns ${missing.join(', ')}` });
          columns = [];
        }
        return;
      }
      if (columns.length === 0) return; // header was unusable: already reported once
      if (row.errors.length > 0) {
        result.errors.push({ line: thisLine, message: row.errors[0]!.message });
        return;
      }
      if (cells.length !== columns.length) {
        result.errors.push({ line: thisLine, message: `expected ${columns.length} cells, found ${cells.length}` });
        return;
      }
      const byName = new Map<CsvColumn, string>();
      cells.forEach((value, i) => {
        const name = columns![i];
        if (name) byName.set(name, value);
      });
      const checked = checkLogEvent(recordOfRow(byName));
      if (checked.ok) result.events.push(checked.event);
      else result.errors.push({ line: thisLine, message: checked.error });
    },
  });
  return result;
}

export function parseLog(text: string, format: LogFormat | 'auto' = 'auto'): ParsedLog {
  const chosen = format === 'auto' ? detectFormat(text) : format;
  return chosen === 'ndjson' ? parseNdjson(text) : parseCsv(text);
}

/** The same event exported by two agents (or twice by one) is one event: (agent, id) is its identity. */
export function eventKey(event: Pick<LogEvent, 'agent' | 'id'>): string {
  return JSON.stringify([event.agent, event.id]);
}

/** Merges lists of events, keeping the first copy of each (agent, id). */
export function mergeEvents(lists: Iterable<Iterable<LogEvent>>): { events: LogEvent[]; duplicates: number } {
  const seen = new Map<string, LogEvent>();
  let duplicates = 0;
  for (const list of lists) {
    for (const event of list) {
      const key = eventKey(event);
      if (seen.has(key)) duplicates++;
      else seen.set(key, event);
    }
  }
  return { events: [...seen.values()], duplicates };
}
