/**
 * The YAML editor: CodeMirror 6 with YAML highlighting, the engine's errors as inline diagnostics
 * at line:column, and completion from the engine's vocabularies. The page owns the text (the
 * model); this only shows it and reports edits.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import type { PackProblem } from '../../shared/packs';
import { completeAt } from './completion';

export interface YamlEditor {
  /** Replace the text (another file or pack opened); not reported as an edit. */
  setText(text: string, readOnly: boolean): void;
  showProblems(problems: readonly PackProblem[]): void;
  goTo(line: number, column: number): void;
  destroy(): void;
}

function complete(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const above: string[] = [];
  for (let n = Math.max(1, line.number - 30); n < line.number; n++) above.push(context.state.doc.line(n).text);
  const found = completeAt(before, above);
  if (!found) return null;
  if (found.from === before.length && !context.explicit && !/[:{[,]\s*$|^\s+$/.test(before)) return null;
  return { from: line.from + found.from, options: found.options.map((o) => ({ label: o.label, detail: o.detail, type: 'keyword' })), validFor: /^[a-z_]*$/ };
}

export function createYamlEditor(parent: HTMLElement, label: string, onEdit: (text: string) => void): YamlEditor {
  let silent = false;
  // Built-in and policy packs are shown, not edited.
  const editable = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: '',
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        autocompletion({ override: [complete], activateOnTyping: true }),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !silent) onEdit(u.state.doc.toString());
        }),
        editable.of([EditorView.editable.of(true), EditorState.readOnly.of(false)]),
      ],
    }),
  });
  const offset = (line: number, column: number) => {
    const doc = view.state.doc;
    const l = doc.line(Math.min(Math.max(1, line), doc.lines));
    return Math.min(l.to, l.from + Math.max(0, column - 1));
  };
  let readOnlyNow = false;
  return {
    setText(text, ro) {
      silent = true;
      const effects = ro !== readOnlyNow ? [editable.reconfigure([EditorView.editable.of(!ro), EditorState.readOnly.of(ro)])] : [];
      readOnlyNow = ro;
      if (text !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      if (effects.length) view.dispatch({ effects });
      silent = false;
    },
    showProblems(problems) {
      const diagnostics: Diagnostic[] = problems.map((p) => {
        const from = p.line > 0 ? offset(p.line, p.column) : 0;
        const to = Math.max(from, view.state.doc.lineAt(from).to);
        return { from, to, severity: p.severity, message: p.message, source: p.ruleId };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    goTo(line, column) {
      const at = offset(line, column);
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
}
