/**
 * The helpdesk editor's state and actions: custom helpdesks and selector fixes in chrome.storage
 * (where the content script reads them), host access per helpdesk, the form being edited (kept as a
 * draft while typing, so nothing typed is lost) and the result of the last live test.
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { withOverrides } from '../adapters/read';
import type { HelpdeskDefinition, HelpdeskSelectors } from '../shared/helpdesk';
import type { EffectivePolicy } from '../shared/packs-policy';
import type { KeyValueStore } from '../shared/packs-store';
import { CUSTOM_HELPDESKS_KEY, parseCustomHelpdesks, parseSelectorOverrides, SELECTOR_OVERRIDES_KEY } from '../shared/settings';
import type { HelpdeskBrowser, TabProbe } from './helpdesk-browser';
import { definitionToForm, emptyForm, formPatterns, formToDefinition, SELECTOR_FIELDS, type FieldProblems, type HelpdeskForm } from './helpdesk-form';
import { helpdeskRows, type HelpdeskRow, type Overrides } from './helpdesk-list';

/** What the team lead was typing, saved on every change until it is saved or cancelled. */
export const HELPDESK_DRAFT_KEY = 'customHelpdesks.draft';

export interface HelpdeskEditing {
  /** `custom`: a new or existing custom helpdesk; `override`: selector fixes for a built-in one. */
  kind: 'custom' | 'override';
  /** The id being edited (empty for a new custom helpdesk). */
  id: string;
  form: HelpdeskForm;
}

export interface ProbeState {
  running: boolean;
  /** Said instead of results: no tab open, no access, nothing to test yet. */
  message?: string;
  tabs: TabProbe[];
  /** Whether each tab's address is a ticket page by the form's ticket address pattern (undefined: no pattern). */
  ticketPage: Array<boolean | undefined>;
}

export interface HelpdesksDeps {
  store: KeyValueStore;
  browser: HelpdeskBrowser;
  builtIn: readonly HelpdeskDefinition[];
  policy: ReadonlySignal<EffectivePolicy>;
  isValidSelector: (selector: string) => boolean;
  /** Pause after the last keystroke before the draft is written. */
  delayMs?: number;
}

export type HelpdesksModel = Awaited<ReturnType<typeof createHelpdesksModel>>;

const IDLE: ProbeState = { running: false, tabs: [], ticketPage: [] };

/** The stored draft, checked like any stored value: a wrong shape is dropped, the strings kept. */
function readDraft(raw: unknown): HelpdeskEditing | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const draft = raw as { kind?: unknown; id?: unknown; form?: Record<string, unknown> };
  if ((draft.kind !== 'custom' && draft.kind !== 'override') || typeof draft.id !== 'string' || typeof draft.form !== 'object' || draft.form === null) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const form = emptyForm();
  const typed = draft.form;
  const selectors = (typeof typed.selectors === 'object' && typed.selectors !== null ? typed.selectors : {}) as Record<string, unknown>;
  for (const { key } of SELECTOR_FIELDS) form.selectors[key] = text(selectors[key]);
  return {
    kind: draft.kind,
    id: draft.id,
    form: { ...form, id: text(typed.id), name: text(typed.name), matches: text(typed.matches), ticketUrl: text(typed.ticketUrl), order: typed.order === 'newest-first' ? 'newest-first' : 'oldest-first' },
  };
}

function ticketPageOf(ticketUrl: string, url: string): boolean | undefined {
  if (!ticketUrl.trim()) return undefined;
  try {
    const { pathname, search } = new URL(url);
    return new RegExp(ticketUrl).test(pathname + search);
  } catch {
    return undefined;
  }
}

export async function createHelpdesksModel(deps: HelpdesksDeps) {
  const { store, browser, builtIn, policy } = deps;
  const stored = await store.get([CUSTOM_HELPDESKS_KEY, SELECTOR_OVERRIDES_KEY, HELPDESK_DRAFT_KEY]);
  const parsedCustom = parseCustomHelpdesks(stored[CUSTOM_HELPDESKS_KEY]);
  const parsedOverrides = parseSelectorOverrides(stored[SELECTOR_OVERRIDES_KEY]);

  const custom = signal<HelpdeskDefinition[]>(parsedCustom.definitions);
  const overrides = signal<Overrides>(parsedOverrides.overrides);
  /** What was stored but cannot be used (typed by hand, an older version): named, not silently dropped. */
  const storedProblems = signal<string[]>([...parsedCustom.problems, ...parsedOverrides.problems]);
  const access = signal<Record<string, boolean>>({});
  const editing = signal<HelpdeskEditing | null>(readDraft(stored[HELPDESK_DRAFT_KEY]));
  const problems = signal<FieldProblems>({});
  const probe = signal<ProbeState>(IDLE);
  const notice = signal<{ kind: 'ok' | 'error'; text: string } | null>(
    editing.value ? { kind: 'ok', text: 'The helpdesk you were editing was not saved yet; here it is again.' } : null,
  );

  const rows = computed<HelpdeskRow[]>(() =>
    helpdeskRows({ builtIn, custom: custom.value, policy: policy.value, overrides: overrides.value }),
  );

  async function refreshAccess(): Promise<void> {
    const entries = await Promise.all(custom.value.map(async (d) => [d.id, await browser.hasAccess(d.matches)] as const));
    access.value = Object.fromEntries(entries);
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  function keepDraft(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void store.set({ [HELPDESK_DRAFT_KEY]: editing.value });
    }, deps.delayMs ?? 300);
  }
  async function dropDraft(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    await store.remove([HELPDESK_DRAFT_KEY]);
  }

  function open(next: HelpdeskEditing): void {
    batch(() => {
      editing.value = next;
      problems.value = {};
      probe.value = IDLE;
      notice.value = null;
    });
  }

  const builtInById = (id: string) => builtIn.find((d) => d.id === id);

  /** The definition to test: the form as typed (even if not saveable yet), or the built-in one with the fixes typed. */
  function testedDefinition(edit: HelpdeskEditing): { patterns: string[]; selectors: Partial<HelpdeskSelectors>; order: string; ticketUrl: string } | null {
    const selectors = Object.fromEntries(Object.entries(edit.form.selectors).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    if (edit.kind === 'override') {
      const base = builtInById(edit.id);
      if (!base) return null;
      const merged = withOverrides(withOverrides(base, overrides.value[edit.id] ?? {}), selectors);
      const admin = policy.value.selectorOverrides[edit.id];
      const definition = admin ? withOverrides(merged, admin) : merged;
      return { patterns: base.matches, selectors: definition.selectors, order: base.order, ticketUrl: base.ticketUrl ?? '' };
    }
    const { patterns } = formPatterns(edit.form);
    return patterns.length ? { patterns, selectors, order: edit.form.order, ticketUrl: edit.form.ticketUrl } : null;
  }

  async function saveCustom(definition: HelpdeskDefinition, replacing: string): Promise<void> {
    const list = custom.value.filter((d) => d.id !== replacing && d.id !== definition.id);
    const index = custom.value.findIndex((d) => d.id === replacing);
    list.splice(index < 0 ? list.length : Math.min(index, list.length), 0, definition);
    await store.set({ [CUSTOM_HELPDESKS_KEY]: list });
    custom.value = list;
  }

  async function saveOverrides(id: string, form: HelpdeskForm): Promise<void> {
    const fixes = Object.fromEntries(Object.entries(form.selectors).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    const next = { ...overrides.value };
    if (Object.keys(fixes).length > 0) next[id] = fixes;
    else delete next[id];
    // Through the content script's parser, so what is stored is what it will use.
    const parsed = parseSelectorOverrides(next).overrides;
    await store.set({ [SELECTOR_OVERRIDES_KEY]: parsed });
    overrides.value = parsed;
  }

  const finish = async (text: string, kind: 'ok' | 'error' = 'ok') => {
    await dropDraft();
    batch(() => {
      editing.value = null;
      problems.value = {};
      notice.value = { kind, text };
    });
  };

  const describe = (patterns: string[]) => patterns.join(', ');

  return {
    rows,
    custom,
    overrides,
    storedProblems,
    access,
    editing,
    problems,
    probe,
    notice,
    refreshAccess,

    addCustom(): void {
      open({ kind: 'custom', id: '', form: emptyForm() });
    },
    editCustom(id: string): void {
      const definition = custom.value.find((d) => d.id === id);
      if (definition) open({ kind: 'custom', id, form: definitionToForm(definition) });
    },
    editOverrides(id: string): void {
      const form = emptyForm();
      for (const { key } of SELECTOR_FIELDS) form.selectors[key] = overrides.value[id]?.[key] ?? '';
      open({ kind: 'override', id, form });
    },
    /** Any change to the form (one field or several). Kept as a draft so a closed tab loses nothing. */
    update(change: Partial<Omit<HelpdeskForm, 'selectors'>> & { selectors?: Partial<HelpdeskForm['selectors']> }): void {
      const edit = editing.value;
      if (!edit) return;
      const form = { ...edit.form, ...change, selectors: { ...edit.form.selectors, ...change.selectors } };
      editing.value = { ...edit, form };
      keepDraft();
    },
    async cancel(): Promise<void> {
      await dropDraft();
      batch(() => {
        editing.value = null;
        problems.value = {};
        probe.value = IDLE;
      });
    },

    /**
     * Save from the click handler: checks synchronously, then asks Chrome for access before any
     * await (the user gesture does not survive one). A refused permission keeps the helpdesk
     * saved and listed as needing permission; a form with problems is not saved but stays as typed.
     */
    save(): Promise<void> {
      const edit = editing.value;
      if (!edit) return Promise.resolve();
      if (edit.kind === 'override') {
        const bad = SELECTOR_FIELDS.filter(({ key }) => edit.form.selectors[key].trim() && !deps.isValidSelector(edit.form.selectors[key].trim()));
        if (bad.length > 0) {
          problems.value = Object.fromEntries(bad.map(({ key }) => [key, [`“${edit.form.selectors[key].trim()}” is not a valid CSS selector.`]]));
          notice.value = { kind: 'error', text: 'Not saved: fix the marked fields (what you typed is kept).' };
          return Promise.resolve();
        }
        return saveOverrides(edit.id, edit.form).then(() => finish(`Saved the selector fixes for ${builtInById(edit.id)?.name ?? edit.id}; they apply from the next page load.`));
      }
      // A new helpdesk never takes an id in use, the administrator's included (theirs would win).
      const takenIds = [...builtIn, ...policy.value.customHelpdesks, ...custom.value.filter((d) => d.id !== edit.id)].map((d) => d.id);
      const checked = formToDefinition(edit.form, { takenIds, isValidSelector: deps.isValidSelector });
      problems.value = checked.problems;
      const definition = checked.definition;
      if (!definition) {
        notice.value = { kind: 'error', text: 'Not saved: fix the marked fields (what you typed is kept).' };
        return Promise.resolve();
      }
      const asked = browser.requestAccess(definition.matches);
      return (async () => {
        await saveCustom(definition, edit.id);
        const granted = await asked;
        access.value = { ...access.value, [definition.id]: granted };
        await finish(
          granted
            ? `Saved ${definition.name}. Tactful reads tickets on ${describe(definition.matches)} from the next page load.`
            : `Saved ${definition.name}, but Chrome did not grant access to ${describe(definition.matches)}: it is listed as “permission needed” until you grant it.`,
          granted ? 'ok' : 'error',
        );
      })();
    },

    /** From a click handler, like save. */
    grant(id: string): Promise<void> {
      const definition = custom.value.find((d) => d.id === id);
      if (!definition) return Promise.resolve();
      return browser.requestAccess(definition.matches).then((granted) => {
        access.value = { ...access.value, [id]: granted };
        notice.value = granted
          ? { kind: 'ok', text: `Tactful may now read tickets on ${describe(definition.matches)}.` }
          : { kind: 'error', text: `Chrome did not grant access to ${describe(definition.matches)}.` };
      });
    },

    async remove(id: string): Promise<void> {
      const list = custom.value.filter((d) => d.id !== id);
      await store.set({ [CUSTOM_HELPDESKS_KEY]: list });
      custom.value = list;
      notice.value = { kind: 'ok', text: `Removed ${id}.` };
    },

    /** "Test on open page", from the click handler: access is asked first, for the same reason as in save. */
    test(): Promise<void> {
      const edit = editing.value;
      const target = edit && testedDefinition(edit);
      if (!target) {
        probe.value = { ...IDLE, message: 'Add the helpdesk’s address first: the test runs on open tabs at that address.' };
        return Promise.resolve();
      }
      const asked = browser.requestAccess(target.patterns);
      probe.value = { ...IDLE, running: true };
      return (async () => {
        if (!(await asked)) {
          probe.value = { ...IDLE, message: `Chrome did not grant access to ${describe(target.patterns)}, so Tactful cannot look at that page.` };
          return;
        }
        const tabs = await browser.probeOpenTabs(target.patterns, target.selectors, target.order);
        probe.value = tabs.length === 0
          ? { ...IDLE, message: `No open tab matches ${describe(target.patterns)}. Open a ticket there in another tab and test again.` }
          : { running: false, tabs, ticketPage: tabs.map((t) => ticketPageOf(target.ticketUrl, t.url)) };
      })();
    },
  };
}
