/** The test bench: a ticket through the working copy, cues highlighted, the playbook and the rule trace; and every example run. */
import { markRuns } from '../bench';
import type { OptionsModel } from '../model';

export function Bench({ model, samples }: { model: OptionsModel; samples: Array<{ name: string; text: string }> }) {
  const result = model.bench.value;
  const report = model.examples.value;
  return (
    <section aria-labelledby="bench-heading" class="bench">
      <h2 id="bench-heading">Test bench</h2>
      <p class="muted">Uses your unsaved edit together with the other enabled packs: what the side panel would do after you save. Separate customer turns with a line holding only ---.</p>
      <label for="bench-ticket">Customer message</label>
      {samples.length > 0 && (
        <select aria-label="Sample ticket" onChange={(e) => { const s = samples.find((x) => x.name === (e.target as HTMLSelectElement).value); if (s) model.ticket.value = s.text; }}>
          <option value="">Pick a sample…</option>
          {samples.map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}
        </select>
      )}
      <textarea id="bench-ticket" rows={5} value={model.ticket.value} onInput={(e) => (model.ticket.value = (e.target as HTMLTextAreaElement).value)} data-testid="bench-ticket" />
      {result && (
        <div data-testid="bench-result">
          <blockquote class="message">
            {markRuns(result.text, result.cues).map((r, i) => (r.ruleId ? <mark key={i} title={`${r.ruleId}: ${r.reason}`} data-rule={r.ruleId}>{r.text}</mark> : r.text))}
          </blockquote>
          <p>
            Categories: <strong data-testid="bench-categories">{result.categories.map((c) => `${c.category} ${Math.round(c.confidence * 100)}%`).join(', ') || 'none'}</strong>
            {' · '}Frustration: <strong>{result.frustration}/4</strong>
            {result.complaint ? ' · complaint' : ''}{result.boundary ? ' · set a boundary' : ''}
          </p>
          {result.disabled.length > 0 && (
            <ul class="disabled-rules" role="status" data-testid="bench-disabled">
              {result.disabled.map((d) => (
                <li key={d.ruleId} data-rule={d.ruleId}>
                  {d.text[0]!.toUpperCase() + d.text.slice(1)}{d.file ? <span class="muted"> ({d.file}:{d.line})</span> : null}. It stays off on this page until the pack changes: make it cheaper (fewer alternatives, no long repeats) and save.
                </li>
              ))}
            </ul>
          )}
          <h3>Playbook</h3>
          <ol data-testid="bench-playbook">
            {result.playbook.map((s) => (
              <li key={s.step}>
                <strong>{s.step}</strong>: {s.texts[0]} <span class="muted">({s.ruleId})</span>{' '}
                <button type="button" class="link" onClick={() => void model.overrideFromBench('playbook', s.ruleId)} aria-label={`Reword for me: ${s.ruleId}`}>Reword for me</button>
              </li>
            ))}
          </ol>
          <h3>Trace</h3>
          <table data-testid="bench-trace">
            <thead><tr><th scope="col">Rule</th><th scope="col">Words</th><th scope="col">Outcome</th><th scope="col">Why</th><th scope="col">Override</th></tr></thead>
            <tbody>
              {result.trace.map((t, i) => (
                <tr key={i} class={t.outcome}>
                  <td><code>{t.ruleId}</code>{t.file ? <div class="muted">{t.file}:{t.line}</div> : null}</td>
                  <td>{t.words}</td><td>{t.outcome}</td><td>{t.why}</td>
                  <td>{t.outcome === 'fired' && <button type="button" class="link" onClick={() => void model.overrideFromBench('rules', t.ruleId)} aria-label={`Turn off for me: ${t.ruleId}`}>Turn off for me</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <button type="button" disabled={!model.check.value.pack} onClick={() => model.runAllExamples()}>Run all examples</button>
      </p>
      {report && (
        <div data-testid="examples-report">
          <p role="status">{report.rules} rules, {report.examples} examples: {report.examples - report.failures.length} passed, {report.failures.length} failed</p>
          <ul class="examples">
            {report.perRule.filter((r) => r.passed < r.total).map((r) => (
              <li key={r.ruleId} class="fail">
                <code>{r.ruleId}</code>: {r.passed}/{r.total} passed
                <ul>{report.failures.filter((f) => f.ruleId === r.ruleId).map((f, i) => <li key={i}>{f.file}:{f.line}:{f.column}: {f.message} <q>{f.text}</q></li>)}</ul>
              </li>
            ))}
            {report.failures.length === 0 && <li class="pass">Every example passes.</li>}
          </ul>
        </div>
      )}
    </section>
  );
}
