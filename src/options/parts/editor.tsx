/** The selected pack's files in the YAML editor, its errors (file:line:column, clickable), and saving. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatProblem } from '../../shared/packs';
import { createYamlEditor, type YamlEditor } from '../editor/codemirror';
import { docLabel, kindOf } from '../docs';
import type { OptionsModel } from '../model';

function download(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function EditorPanel({ model }: { model: OptionsModel }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<YamlEditor | null>(null);
  const [summary, setSummary] = useState('');
  const [newFile, setNewFile] = useState('');
  const label = docLabel(model.selected.value, model.state.value);
  const check = model.check.value;
  const path = model.path.value;

  useEffect(() => {
    editor.current = createYamlEditor(host.current!, 'Pack file (YAML)', (text) => model.edit(text));
    return () => editor.current?.destroy();
  }, [model]);
  useEffect(() => {
    editor.current?.setText(model.text.value, model.readOnly.value);
  }, [model.text.value, model.readOnly.value, path]);
  useEffect(() => {
    editor.current?.showProblems([...check.errors, ...check.warnings].filter((p) => p.file === path || (p.line === 0 && p.severity === 'error')));
  }, [check, path, model.text.value]);

  const problems = [...check.errors, ...check.warnings];
  const exp = (kind: 'yaml' | 'zip') => {
    const file = model.exportSelected(kind);
    download(file.name, file.bytes, file.type);
  };
  return (
    <section aria-labelledby="editor-heading" class="editor">
      <h2 id="editor-heading">{label}</h2>
      <div class="file-bar">
        <label>
          File{' '}
          <select value={path} onChange={(e) => model.openFile((e.target as HTMLSelectElement).value)} data-testid="file-select">
            {model.files.value.map((f) => <option key={f.path} value={f.path}>{f.path}</option>)}
          </select>
        </label>
        {kindOf(model.selected.value) === 'team' && !model.readOnly.value && (
          <span>
            {' '}<label>New file <input value={newFile} onInput={(e) => setNewFile((e.target as HTMLInputElement).value)} placeholder="refunds.yaml" /></label>
            <button type="button" disabled={!newFile} onClick={() => { model.addFile(newFile); setNewFile(''); }}>Add</button>
          </span>
        )}
        {model.readOnly.value && <span class="muted"> read-only</span>}
        {model.dirty.value && (
          <span class="draft-badge" data-testid="draft-badge">
            {model.saved.value ? ' Unsaved draft (kept while you type; the saved version stays active)' : ' Not saved yet (not active until you save)'}
          </span>
        )}
      </div>
      <div ref={host} class="cm-host" data-testid="yaml-editor" />
      <div role="region" aria-label="Problems" aria-live="polite">
        {problems.length === 0 ? (
          <p class="ok" data-testid="problems-ok">No errors.</p>
        ) : (
          <ul class="problems" data-testid="problems">
            {problems.map((p, i) => (
              <li key={i} class={p.severity}>
                <button type="button" class="link" onClick={() => { if (p.file !== path && model.files.value.some((f) => f.path === p.file)) model.openFile(p.file); setTimeout(() => editor.current?.goTo(p.line, p.column), 0); }}>
                  {formatProblem(p)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {!model.readOnly.value && (
        <div class="save-bar">
          <label>Summary <input value={summary} onInput={(e) => setSummary((e.target as HTMLInputElement).value)} placeholder="What changed" /></label>{' '}
          <label><input type="checkbox" checked={model.formatOnSave.value} onChange={(e) => (model.formatOnSave.value = (e.target as HTMLInputElement).checked)} /> Format on save</label>{' '}
          <button type="button" onClick={() => void model.save(summary).then((ok) => ok && setSummary(''))}>Save version</button>{' '}
          <button type="button" onClick={() => model.format()}>Format</button>{' '}
          <button type="button" disabled={!model.dirty.value} onClick={() => void model.discard()}>Discard draft</button>
        </div>
      )}
      <p>
        <button type="button" onClick={() => exp('yaml')}>Export .yaml</button>{' '}
        <button type="button" onClick={() => exp('zip')}>Export .zip</button>
        {kindOf(model.selected.value) === 'team' && (
          <>{' '}<button type="button" onClick={() => confirm(`Delete the pack ${label} and its history?`) && void model.deletePack(model.selected.value)}>Delete pack</button></>
        )}
      </p>
    </section>
  );
}
