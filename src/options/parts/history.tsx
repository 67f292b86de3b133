/** Saved versions of the selected pack, each with its diff to the previous one, and restore. */
import { compact } from '../../shared/packs-diff';
import type { OptionsModel } from '../model';

export function History({ model }: { model: OptionsModel }) {
  const versions = [...model.versions.value].reverse();
  const shown = model.shownDiff.value;
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="history-heading" class="history">
      <h2 id="history-heading">History</h2>
      <ol data-testid="history">
        {versions.map((v, i) => (
          <li key={v.n}>
            <strong>v{v.n}</strong> {new Date(v.time).toLocaleString()}: {v.summary} <span class="muted">+{v.added} −{v.removed}</span>{' '}
            <button type="button" onClick={() => void model.showDiff(v.n)} aria-expanded={shown?.n === v.n}>Diff</button>{' '}
            {i > 0 && !model.readOnly.value && <button type="button" onClick={() => void model.restore(v.n)}>Restore</button>}
          </li>
        ))}
      </ol>
      {shown && (
        <div data-testid="diff" aria-label={`Changes in version ${shown.n}`} role="region">
          {shown.diff.length === 0 && <p class="muted">No changes.</p>}
          {shown.diff.map((d) => (
            <div key={d.path}>
              <h3>{d.path} <span class="muted">({d.status}, +{d.added} −{d.removed})</span></h3>
              <pre class="diff">
                {compact(d.lines).map((l, i) => (l === null ? <div key={i} class="gap">…</div> : <div key={i} class={l.kind}>{l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '- ' : '  '}{l.text}</div>))}
              </pre>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
