/**
 * The rule-pack editor's state (signals) and actions, apart from the components so it runs in
 * node tests over the in-memory store. Edits are drafts, autosaved while typing; only a pack that
 * compiles (alone and together with the other enabled packs) is saved as a version, and only
 * versions are active. Nothing typed is dropped: a refused save keeps the draft.
 */
import { batch, computed, signal } from '@preact/signals';
import { createAnalyzer, runExamples, type Analyzer, type CompiledPack, type CompileResult, type ExampleReport, type PackError } from '../engine';
import { addTeamPack, formatProblem, move, OVERLAY_FILE, OVERLAY_ID, orderedIds, removeTeamPack, setEnabled, versionsOf, type PackFile, type PacksState } from '../shared/packs';
import { compileActive, enabledIds, type ActiveInput, type ActivePack } from '../shared/packs-active';
import { diffPacks, type FileDiff } from '../shared/packs-diff';
import { formatYaml } from '../shared/packs-format';
import { declaredId, importPack, toYamlStream, toZip } from '../shared/packs-io';
import { mergePacks, type PackSource } from '../shared/packs-merge';
import { blameOverlay, parseOverlay, withOverride } from '../shared/packs-overlay';
import { readEffectivePolicy, verifyPolicyPacks, type EffectivePolicy } from '../shared/packs-policy';
import { parseRuleBudget, RULE_BUDGET_KEY } from '../shared/rule-budget';
import {
  discardDraft, latestFiles, loadDraft, loadState, POLICY_KEY, readFiles, restoreVersion, saveDraft, saveState, saveVersion, STATE_KEY, type KeyValueStore,
} from '../shared/packs-store';
import { runBench } from './bench';
import { cached } from './compile-cache';
import { copyOfPack, isReadOnly, kindOf, newPackFiles, overlayFiles } from './docs';

export interface OptionsDeps {
  store: KeyValueStore;
  /** The bundled pack, paths relative to its folder. */
  builtIn: PackFile[];
  compile: (files: PackFile[]) => CompileResult;
  now?: () => number;
  /** Pause after the last keystroke before the draft is written and the pack recompiled. */
  delayMs?: number;
}

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export interface Check {
  errors: PackError[];
  warnings: PackError[];
  /** The selected pack compiled on its own (null when it has errors). */
  pack: CompiledPack | null;
  /** The enabled packs with this working copy in place of the saved one: what the panel would use after saving. */
  active: ActivePack<CompiledPack> | null;
}

export type OptionsModel = Awaited<ReturnType<typeof createOptionsModel>>;

const same = (a: readonly PackFile[] | null, b: readonly PackFile[] | null) =>
  !!a && !!b && a.length === b.length && a.every((f, i) => f.path === b[i]!.path && f.text === b[i]!.text);

export async function createOptionsModel(deps: OptionsDeps) {
  const { store, builtIn } = deps;
  const compile = cached(deps.compile);
  const now = deps.now ?? (() => Date.now());
  const delay = deps.delayMs ?? 400;
  const loaded = await loadState(store);

  const state = signal<PacksState>(loaded.state);
  const readOnlyStore = loaded.readOnly;
  // The worker checked the policy's shape; here its packs are compiled too, so the admin sees
  // file:line for a pack that does not compile and the page never offers it.
  const readPolicy = async () => verifyPolicyPacks(readEffectivePolicy((await store.get([POLICY_KEY]))[POLICY_KEY]), compile);
  const policy = signal<EffectivePolicy>(await readPolicy());
  const problems = signal<string[]>(loaded.problems);
  const selected = signal<string>(OVERLAY_ID);
  const files = signal<PackFile[]>([]);
  const saved = signal<PackFile[] | null>(null);
  const path = signal<string>('');
  const check = signal<Check>({ errors: [], warnings: [], pack: null, active: null });
  const notice = signal<Notice | null>(null);
  const active = signal<ActivePack<CompiledPack> | null>(null);
  const ticket = signal('');
  const examples = signal<ExampleReport | null>(null);
  const shownDiff = signal<{ n: number; diff: FileDiff[] } | null>(null);
  const importErrors = signal<string[]>([]);
  const formatOnSave = signal(true);
  const budget = parseRuleBudget((await store.get([RULE_BUDGET_KEY]))[RULE_BUDGET_KEY]);
  if (budget.problems.length > 0) problems.value = [...problems.value, ...budget.problems];
  /** One analyzer per compiled pack: a rule the time budget turns off stays off until the pack changes. */
  const analyzers = new WeakMap<CompiledPack, Analyzer>();
  const analyzerOf = (pack: CompiledPack): Analyzer => {
    let analyzer = analyzers.get(pack);
    if (!analyzer) analyzers.set(pack, (analyzer = createAnalyzer(pack, { ruleBudgetMs: budget.ruleBudgetMs })));
    return analyzer;
  };

  const readOnly = computed(() => isReadOnly(selected.value, policy.value, readOnlyStore));
  const dirty = computed(() => !readOnly.value && !same(files.value, saved.value));
  const text = computed(() => files.value.find((f) => f.path === path.value)?.text ?? '');
  const versions = computed(() => versionsOf(state.value, selected.value));
  // Locked policy packs always come first (as in enabledIds), so the list shows the real precedence.
  const packIds = computed(() => {
    const ids = orderedIds(state.value, policy.value.packs.map((p) => p.id));
    const locked = policy.value.lockedPackIds;
    return [...ids.filter((id) => locked.includes(id)), ...ids.filter((id) => !locked.includes(id))];
  });
  const enabled = computed(() => new Set(enabledIds(state.value, policy.value)));
  const bench = computed(() => {
    const pack = check.value.active?.pack ?? active.value?.pack;
    return pack && ticket.value.trim() ? runBench(analyzerOf(pack), ticket.value) : null;
  });

  // --- compiling -------------------------------------------------------------------------

  async function sourcesWith(docId: string | null, working: PackFile[] | null): Promise<ActiveInput> {
    const sources: PackSource[] = [];
    for (const id of enabledIds(state.value, policy.value)) {
      if (id === docId && working) sources.push({ id, files: working });
      else if (kindOf(id) === 'builtin') sources.push({ id, files: builtIn });
      else if (kindOf(id) === 'policy') sources.push({ id, files: policy.value.packs.find((p) => p.id === id)!.files });
      else {
        const f = await latestFiles(store, state.value, id);
        if (f) sources.push({ id, files: f });
      }
    }
    // A team pack being edited that is not active yet is tried on top, so the bench shows its effect.
    if (docId && working && kindOf(docId) === 'team' && !sources.some((s) => s.id === docId)) sources.unshift({ id: docId, files: working });
    const overlay = docId === OVERLAY_ID && working ? working : await latestFiles(store, state.value, OVERLAY_ID);
    return { sources, overlayText: overlay?.[0]?.text ?? null };
  }

  function compileInput(input: ActiveInput): ActivePack<CompiledPack> | null {
    try {
      return compileActive(input, builtIn, compile);
    } catch {
      return null;
    }
  }

  async function refreshActive(): Promise<void> {
    active.value = compileInput(await sourcesWith(null, null));
  }

  /** Compile the working copy: its own errors (at file:line), and the merged pack for the bench. */
  async function validate(): Promise<Check> {
    const docId = selected.value;
    const working = files.value;
    let result: Check;
    if (kindOf(docId) === 'overlay') {
      const parsed = parseOverlay(working[0]?.text ?? '');
      if (parsed.errors.length > 0) result = { errors: parsed.errors, warnings: [], pack: null, active: null };
      else {
        const input = await sourcesWith(docId, working);
        const merged = mergePacks(input.sources, parsed.overlay);
        const compiled = compile(merged.files);
        const warnings: PackError[] = merged.stale.map((s) => ({ file: OVERLAY_FILE, line: s.line, column: 1, severity: 'warning', message: s.message }));
        if (!compiled.ok) result = { errors: blameOverlay(compiled.errors, parsed.overlay), warnings, pack: null, active: null };
        else result = { errors: [], warnings, pack: compiled.pack, active: { pack: compiled.pack, files: merged.files, sources: input.sources.map((s) => s.id), problems: merged.problems } };
      }
    } else {
      const own = compile(working);
      if (!own.ok) result = { errors: own.errors, warnings: own.warnings, pack: null, active: null };
      else {
        const merged = compileInput(await sourcesWith(docId, working));
        const clash = merged && merged.problems.find((p) => p.startsWith('the enabled packs do not compile together'));
        result = {
          errors: clash ? [{ file: working[0]?.path ?? 'pack.yaml', line: 0, column: 0, severity: 'error', message: clash }] : [],
          warnings: own.warnings,
          pack: own.pack,
          active: clash ? null : merged,
        };
      }
    }
    // Only publish if nothing changed meanwhile (a newer keystroke has its own validation queued).
    if (selected.value === docId && files.value === working) check.value = result;
    return result;
  }

  // --- debounced draft autosave and recompile --------------------------------------------

  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Promise<void> = Promise.resolve();
  async function persistDraft(docId: string, working: PackFile[]): Promise<void> {
    if (isReadOnly(docId, policy.value, readOnlyStore)) return;
    if (same(working, saved.value)) await discardDraft(store, docId);
    else await saveDraft(store, { docId, files: working, time: now() });
  }
  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
  }
  /** Run what the pause after typing would run: write the draft, recompile. */
  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const docId = selected.value;
    const working = files.value;
    pending = pending.then(() => persistDraft(docId, working)).then(() => undefined, (e: unknown) => {
      notice.value = { kind: 'error', text: `Could not autosave the draft: ${(e as Error).message}` };
    });
    await pending;
    await validate();
  }

  // --- actions -----------------------------------------------------------------------------

  async function select(docId: string): Promise<void> {
    if (timer) await flush();
    let base: PackFile[];
    const kind = kindOf(docId);
    if (kind === 'builtin') base = builtIn;
    else if (kind === 'policy') base = policy.value.packs.find((p) => p.id === docId)?.files ?? [];
    else base = (await latestFiles(store, state.value, docId)) ?? (kind === 'overlay' ? overlayFiles() : newPackFiles(docId));
    const hasVersion = versionsOf(state.value, docId).length > 0 || kind === 'builtin' || kind === 'policy';
    const draft = kind === 'team' || kind === 'overlay' ? await loadDraft(store, docId) : null;
    batch(() => {
      selected.value = docId;
      saved.value = hasVersion ? base : null;
      files.value = draft?.files ?? base;
      path.value = (draft?.files ?? base).find((f) => !/pack\.ya?ml$/.test(f.path))?.path ?? base[0]?.path ?? '';
      shownDiff.value = null;
      examples.value = null;
      notice.value = draft ? { kind: 'ok', text: `Restored your unsaved draft from ${new Date(draft.time).toLocaleString()}. The saved version stays active until you save.` } : null;
    });
    await validate();
  }

  function openFile(p: string): void {
    path.value = p;
  }

  function edit(newText: string): void {
    if (readOnly.value) return;
    files.value = files.value.map((f) => (f.path === path.value ? { ...f, text: newText } : f));
    schedule();
  }

  function addFile(name: string): void {
    const p = name.trim().replace(/^\/+/, '');
    if (readOnly.value || kindOf(selected.value) !== 'team') return;
    if (!/^[\w./-]+\.ya?ml$/.test(p) || p.includes('..') || files.value.some((f) => f.path === p)) {
      notice.value = { kind: 'error', text: `"${name}" is not a new .yaml file name` };
      return;
    }
    files.value = [...files.value, { path: p, text: 'rules: []\n' }];
    path.value = p;
    schedule();
  }

  async function save(summary = ''): Promise<boolean> {
    if (readOnly.value) return false;
    const docId = selected.value;
    if (formatOnSave.value) {
      // Only the files edited since the last version: a save never rewrites files nobody touched.
      const before = new Map((saved.value ?? []).map((f) => [f.path, f.text]));
      files.value = files.value.map((f) => {
        if (before.get(f.path) === f.text) return f;
        try {
          return { ...f, text: formatYaml(f.text) };
        } catch {
          return f; // a YAML error: the compile below says where
        }
      });
    }
    if (timer) clearTimeout(timer);
    timer = null;
    const result = await validate();
    const activeVersion = versionsOf(state.value, docId).at(-1)?.n;
    if (result.errors.length > 0) {
      await persistDraft(docId, files.value);
      notice.value = {
        kind: 'error',
        text: `Not saved: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'} (first: ${formatProblem(result.errors[0]!)}). Your edit is kept as a draft; ${activeVersion ? `version ${activeVersion} stays active` : 'this pack is not active yet'}.`,
      };
      return false;
    }
    if (same(files.value, saved.value)) {
      notice.value = { kind: 'ok', text: 'Nothing to save: no changes since the last version.' };
      return true;
    }
    try {
      state.value = await saveVersion(store, state.value, docId, files.value, { summary, time: now() });
    } catch (e) {
      // Storage full or unavailable: the edit must not be lost with it.
      await persistDraft(docId, files.value).catch(() => undefined);
      notice.value = { kind: 'error', text: `Could not save: ${(e as Error).message}. Your edit is kept as a draft.` };
      return false;
    }
    saved.value = files.value;
    const n = versionsOf(state.value, docId).at(-1)!.n;
    notice.value = { kind: 'ok', text: `Saved version ${n}. The side panel uses it from the next ticket on.` };
    await refreshActive();
    return true;
  }

  async function discard(): Promise<void> {
    await discardDraft(store, selected.value);
    files.value = saved.value ?? files.value;
    notice.value = { kind: 'ok', text: 'Draft discarded.' };
    await validate();
  }

  async function updateState(next: PacksState): Promise<void> {
    if (readOnlyStore) return;
    state.value = next;
    await saveState(store, next);
    await refreshActive();
    await validate();
  }

  const toggle = (id: string, on: boolean) => (policy.value.lockedPackIds.includes(id) ? Promise.resolve() : updateState(setEnabled(state.value, id, on)));
  const reorder = (id: string, delta: -1 | 1) => updateState(move(state.value, id, delta, policy.value.packs.map((p) => p.id)));

  function mayAdd(): boolean {
    if (policy.value.allowUserPacks && !readOnlyStore) return true;
    notice.value = { kind: 'error', text: 'Your administrator does not allow adding rule packs.' };
    return false;
  }

  async function createPack(id: string, name: string, from?: PackFile[]): Promise<boolean> {
    if (!mayAdd()) return false;
    try {
      await updateState(addTeamPack(state.value, id, name || id));
    } catch (e) {
      notice.value = { kind: 'error', text: (e as Error).message };
      return false;
    }
    if (from) {
      state.value = await saveVersion(store, state.value, id, from, { summary: 'Copied from the built-in pack', time: now() });
      await refreshActive();
    }
    await select(id);
    return true;
  }

  async function deletePack(id: string): Promise<void> {
    if (kindOf(id) !== 'team') return;
    await discardDraft(store, id);
    await updateState(removeTeamPack(state.value, id));
    if (selected.value === id) await select(OVERLAY_ID);
  }

  /**
   * Import a .yaml stream or .zip. A valid pack becomes a new version (of the pack with the same
   * id, or a new pack); an invalid one is kept as that pack's draft with its errors shown, and
   * what is active does not change.
   */
  async function importFile(name: string, bytes: Uint8Array): Promise<boolean> {
    importErrors.value = [];
    if (!mayAdd()) return false;
    const imported = importPack(name, bytes);
    if (imported.problems.length > 0) {
      importErrors.value = imported.problems.map((p) => `${name}: ${p}`);
      return false;
    }
    const id = declaredId(imported.files) ?? name.replace(/\.(ya?ml|zip)$/i, '').toLowerCase().replace(/[^a-z0-9.-]+/g, '-');
    if (!state.value.packs.some((p) => p.id === id) && !(await createPack(id, id))) return false;
    await select(id);
    files.value = imported.files;
    path.value = imported.files.find((f) => !/pack\.ya?ml$/.test(f.path))?.path ?? imported.files[0]!.path;
    const result = await validate();
    if (result.errors.length > 0) {
      await persistDraft(id, imported.files);
      importErrors.value = result.errors.map(formatProblem);
      notice.value = { kind: 'error', text: `${name} has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; it is kept as a draft of ${id} and the active packs did not change.` };
      return false;
    }
    formatOnSave.value = false; // an import is saved exactly as it came
    const ok = await save(`Imported ${name}`);
    formatOnSave.value = true;
    return ok;
  }

  /** The selected pack as a file to download: the saved version (or the draft when nothing is saved). */
  function exportSelected(kind: 'yaml' | 'zip'): { name: string; bytes: Uint8Array; type: string } {
    const source = saved.value ?? files.value;
    const id = declaredId(source) ?? selected.value;
    if (kind === 'zip') return { name: `${id}.zip`, bytes: toZip(source, id), type: 'application/zip' };
    return { name: `${id}.yaml`, bytes: new TextEncoder().encode(toYamlStream(source, id)), type: 'application/yaml' };
  }

  async function showDiff(n: number): Promise<void> {
    const list = versionsOf(state.value, selected.value);
    const i = list.findIndex((v) => v.n === n);
    if (i < 0) return;
    const before = i > 0 ? await readFiles(store, list[i - 1]!) : [];
    shownDiff.value = { n, diff: diffPacks(before, await readFiles(store, list[i]!)) };
  }

  async function restore(n: number): Promise<void> {
    if (readOnly.value) return;
    state.value = await restoreVersion(store, state.value, selected.value, n, now());
    const restored = (await latestFiles(store, state.value, selected.value))!;
    batch(() => {
      saved.value = restored;
      files.value = restored;
      if (!restored.some((f) => f.path === path.value)) path.value = restored[0]?.path ?? '';
    });
    notice.value = { kind: 'ok', text: `Restored version ${n} as version ${versionsOf(state.value, selected.value).at(-1)!.n}.` };
    await refreshActive();
    await validate();
  }

  /** From the bench: turn a rule off, or start rewording a playbook entry, in the personal overrides (a draft to review and save). */
  async function overrideFromBench(section: 'rules' | 'playbook', id: string): Promise<void> {
    const entry = section === 'playbook' ? (check.value.active ?? active.value)?.pack.playbook.find((p) => p.id === id) : undefined;
    // Wordings keep their tone and channel, so rewording one never changes where it is offered.
    const variants = entry?.variants.map((v) => (v.tone || v.channel ? { text: v.text, ...(v.tone ? { tone: v.tone } : {}), ...(v.channel ? { channel: v.channel } : {}) } : v.text)) ?? [];
    const change = section === 'rules' ? { enabled: false } : { variants };
    await select(OVERLAY_ID);
    try {
      edit(withOverride(text.value, section, id, change));
      await flush();
      notice.value = { kind: 'ok', text: `Added an override of ${id} to your personal overrides. Review it, then save to apply it.` };
    } catch (e) {
      notice.value = { kind: 'error', text: (e as Error).message };
    }
  }

  function runAllExamples(): ExampleReport | null {
    const pack = check.value.pack;
    examples.value = pack ? runExamples(pack) : null;
    return examples.value;
  }

  function format(): void {
    try {
      edit(formatYaml(text.value));
    } catch (e) {
      notice.value = { kind: 'error', text: (e as Error).message };
    }
  }

  /** Another tab saved, or the background wrote a new policy: reload what is not being edited. */
  async function reload(keys: string[]): Promise<void> {
    if (keys.includes(POLICY_KEY)) policy.value = await readPolicy();
    if (keys.includes(STATE_KEY)) state.value = (await loadState(store)).state;
    if (keys.includes(POLICY_KEY) || keys.includes(STATE_KEY)) await refreshActive();
  }
  const unsubscribe = store.subscribe?.((keys) => void reload(keys)) ?? (() => undefined);

  await refreshActive();
  await select(state.value.packs[0]?.id ?? OVERLAY_ID);

  return {
    state, policy, problems, selected, files, saved, path, check, notice, active, ticket, examples, shownDiff, importErrors, formatOnSave,
    readOnly, dirty, text, versions, packIds, enabled, bench, readOnlyStore,
    select, openFile, edit, addFile, save, discard, toggle, reorder, createPack, deletePack, importFile, exportSelected, showDiff, restore,
    runAllExamples, format, flush, reload, overrideFromBench, dispose: unsubscribe,
    copyBuiltIn: (id: string, name: string) => createPack(id, name, copyOfPack(builtIn, id)),
  };
}
