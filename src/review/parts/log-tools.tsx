/** Export (filtered), import (several files, with a per-file report) and clearing the log (after a confirmation). */
import { useState } from 'preact/hooks';
import type { ReviewModel } from '../model';

/** Shows at most this many bad lines per file; the count is always complete. */
const ERRORS_SHOWN = 5;

function ImportReport({ model }: { model: ReviewModel }) {
  const reports = model.imports.value;
  if (reports.length === 0) return null;
  return (
    <table class="import-report" data-testid="import-report">
      <caption class="muted">Last import</caption>
      <thead><tr><th scope="col">File</th><th scope="col">Added</th><th scope="col">Duplicates</th><th scope="col">Invalid</th><th scope="col">Problems</th></tr></thead>
      <tbody>
        {reports.map((r, i) => (
          <tr key={i} data-file={r.file}>
            <th scope="row">{r.file}</th>
            <td data-col="added">{r.added}</td>
            <td data-col="duplicates">{r.duplicates}</td>
            <td data-col="invalid">{r.invalid}</td>
            <td>
              {r.errors.slice(0, ERRORS_SHOWN).map((e) => <div key={e.line}>{e.line > 0 ? `line ${e.line}: ` : ''}{e.message}</div>)}
              {r.errors.length > ERRORS_SHOWN && <div class="muted">and {r.invalid - ERRORS_SHOWN} more</div>}
              {r.textDropped > 0 && <div class="muted">{r.textDropped} kept without their text (could not be redacted)</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LogTools({ model }: { model: ReviewModel }) {
  const [confirming, setConfirming] = useState(false);
  const onFiles = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file can be chosen again
    if (files.length) void model.importFiles(files);
  };
  return (
    <section aria-labelledby="tools-title">
      <h2 id="tools-title">Export, import, clear</h2>
      <div class="tools">
        <button type="button" onClick={() => void model.exportLog('csv')}>Export CSV</button>
        <button type="button" onClick={() => void model.exportLog('ndjson')}>Export NDJSON</button>
        <span class="muted">(the filter applies)</span>
        <label for="import-files">Import files (NDJSON or CSV, several at once)</label>
        <input id="import-files" type="file" multiple accept=".ndjson,.jsonl,.json,.csv,.txt" onChange={onFiles} disabled={model.busy.value} data-testid="import-input" />
        {confirming ? (
          <span role="group" aria-label="Confirm clearing the log">
            <span class="danger">Delete every event in the log, whatever the filter? This cannot be undone. </span>
            <button type="button" class="danger" onClick={() => { setConfirming(false); void model.clearLog(); }}>Delete everything</button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
          </span>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>Clear log…</button>
        )}
      </div>
      <ImportReport model={model} />
    </section>
  );
}
