/**
 * The side panel's state as signals: the tab's status and conversation (from the service worker),
 * the analysis and playbook computed from them, and the agent's actions. Kept apart from the
 * components so it runs in node tests with a fake transport.
 */
import { batch, computed, signal } from '@preact/signals';
import {
  coach,
  composeReply,
  createAnalyzer,
  describeDisabledRule,
  suggest,
  type AnalyzerOptions,
  type Channel,
  type CoachIssue,
  type Cue,
  type CompiledPack,
  type DisabledRule,
  type PlaybookStep,
  type Suggestion,
  type ThreadAnalysis,
  type ThreadMessage,
  type Tone,
} from '../engine';
import type { ConversationSnapshot, InsertOutcome } from '../shared/conversation';
import type { LogAction } from '../shared/log';
import { applyDelta, type BackgroundToPanel, type PanelLogEntry, type TabStatus } from '../shared/protocol';
import type { PanelTransport } from './transport';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export type PanelModel = ReturnType<typeof createPanelModel>;

/** `analyzerOptions`: the per-rule time budget; the analyzer lives as long as the panel (its session). */
export function createPanelModel(pack: CompiledPack, transport: PanelTransport, clipboard: (text: string) => Promise<void>, analyzerOptions: AnalyzerOptions = {}) {
  const analyzer = createAnalyzer(pack, analyzerOptions);
  const tabId = signal<number | null>(null);
  const status = signal<TabStatus | null>(null);
  const conversation = signal<ConversationSnapshot | null>(null);
  const draft = signal('');
  const tone = signal<Tone>('warm');
  const channel = signal<Channel>('email');
  /** Which wording of each step is shown; reset per ticket. */
  const wordingIndex = signal<Partial<Record<PlaybookStep, number>>>({});
  const dismissed = signal<ReadonlySet<PlaybookStep>>(new Set());
  const composing = signal<ReadonlySet<PlaybookStep>>(new Set());
  const notice = signal<Notice | null>(null);
  /** Time from the content script's read to suggestions on screen, for the latest update (ms). */
  const latency = signal<number | null>(null);
  /** Longest time the helpdesk page spent on one slice of our content script (preparing, reading, posting), this panel session (ms). */
  const maxSliceMs = signal(0);
  /** The slowest slice reported with each of the last updates, for diagnostics and tests (a data attribute on the panel). */
  const recentSliceMs = signal<number[]>([]);
  /** What each insertion request carried, to log and to copy when no editor took it. */
  const pendingInserts = new Map<string, { text: string; suggestion?: Suggestion }>();
  /** Texts inserted into this ticket's editor, to notice when the agent edits them. */
  const insertedTexts = new Map<string, { suggestion?: Suggestion; edited: boolean }>();
  /** `message|step` pairs already logged as shown. */
  const shownLogged = new Set<string>();
  /** Rules turned off by the time budget that the log already has. */
  let disabledLogged = 0;

  const thread = computed<ThreadMessage[]>(() =>
    (conversation.value?.messages ?? []).map((m) => ({ role: m.role, text: m.text, id: m.key, author: m.author })),
  );
  const analysis = computed<ThreadAnalysis | null>(() => (thread.value.length ? analyzer.analyze(thread.value) : null));
  /** Rules the time budget turned off this session (they stay off until the panel is reopened). */
  const disabledRules = computed<readonly DisabledRule[]>(() => analysis.value?.disabledRules ?? []);
  const latestCustomer = computed(() => {
    const a = analysis.value;
    if (!a?.latest) return null;
    return { analysis: a.latest, message: conversation.value!.messages[a.latest.index]! };
  });
  const suggestions = computed<Suggestion[]>(() => {
    const a = analysis.value;
    if (!a) return [];
    const c = conversation.value;
    return suggest(a, pack, thread.value, { tone: tone.value, channel: channel.value, customerName: c?.requester });
  });
  const visibleSuggestions = computed(() => suggestions.value.filter((s) => !dismissed.value.has(s.step)));
  const coachIssues = computed<CoachIssue[]>(() => (draft.value.trim() ? coach(draft.value, latestCustomer.value?.analysis ?? null, pack) : []));

  function wordingOf(s: Suggestion): string {
    const i = wordingIndex.value[s.step] ?? 0;
    return s.texts[i % s.texts.length] ?? s.texts[0] ?? '';
  }

  function suggestionIdOf(s: Suggestion): string {
    const i = (wordingIndex.value[s.step] ?? 0) % Math.max(1, s.texts.length);
    return s.sources[i] ?? s.ruleId;
  }

  /** Sends one log entry about the latest customer message (the service worker applies the logging mode). */
  function log(action: LogAction, extra: { suggestion?: Suggestion; ruleIds?: string[]; reason?: string } = {}): void {
    const latest = latestCustomer.value;
    if (tabId.value === null || !latest) return;
    const a = latest.analysis;
    const entry: PanelLogEntry = {
      action,
      messageKey: latest.message.key,
      packId: pack.meta.id,
      packVersion: pack.meta.version,
      ruleIds: extra.ruleIds ?? [...new Set(a.cues.map((c) => c.ruleId))],
      categories: a.categories.map((c) => c.category),
      frustration: a.frustration,
      boundary: a.boundary,
      cues: a.cues.map((c) => ({ ruleId: c.ruleId, start: c.start, end: c.end })),
    };
    if (extra.suggestion) {
      entry.step = extra.suggestion.step;
      entry.suggestionId = suggestionIdOf(extra.suggestion);
    }
    if (extra.reason) entry.reason = extra.reason.slice(0, 500);
    transport.send({ type: 'panel/log', tabId: tabId.value, entry });
  }

  function logShown(): void {
    const key = latestCustomer.value?.message.key;
    if (!key) return;
    for (const s of visibleSuggestions.value) {
      const id = `${conversation.value?.ticketKey}|${key}|${s.step}`;
      if (shownLogged.has(id)) continue;
      shownLogged.add(id);
      log('shown', { suggestion: s });
    }
  }

  /** Each rule the budget turned off goes to the log once, for the pack author (the message's key locates it, as for any event). */
  function logDisabled(): void {
    const c = conversation.value;
    const all = analyzer.disabledRules();
    if (tabId.value === null || !c) return;
    for (const d of all.slice(disabledLogged)) {
      const key = c.messages[d.messageIndex]?.key ?? c.messages.at(-1)?.key;
      if (!key) continue;
      transport.send({
        type: 'panel/log', tabId: tabId.value,
        entry: {
          action: 'rule_disabled', messageKey: key, packId: d.packId, packVersion: d.packVersion, ruleIds: [d.ruleId],
          categories: [pack.byId.get(d.ruleId)?.category ?? 'unknown'], frustration: 0, boundary: false, reason: describeDisabledRule(d),
        },
      });
    }
    disabledLogged = all.length;
  }

  /** After an insertion, a draft that no longer contains the inserted words means the agent edited them. */
  function noticeEdits(text: string): void {
    for (const [inserted, state] of insertedTexts) {
      if (state.edited || text.includes(inserted)) continue;
      state.edited = true;
      log('edited', { suggestion: state.suggestion });
    }
  }

  function resetTicketState(): void {
    insertedTexts.clear();
    wordingIndex.value = {};
    dismissed.value = new Set();
    composing.value = new Set();
    draft.value = '';
  }

  function onMessage(message: BackgroundToPanel): void {
    if (message.tabId !== tabId.value) return;
    switch (message.type) {
      case 'background/status':
        status.value = message.status;
        if (message.status.kind !== 'conversation') conversation.value = null;
        break;
      case 'background/conversation': {
        const previous = conversation.value;
        batch(() => {
          if (!previous || previous.ticketKey !== message.delta.ticketKey) resetTicketState();
          conversation.value = applyDelta(previous, message.delta);
        });
        // Computed signals are lazy: reading them here does the work now, so the latency is honest.
        void suggestions.value;
        logShown();
        logDisabled();
        latency.value = Math.max(0, Date.now() - message.readAt);
        if (message.readMs !== undefined) {
          const slowest = Math.max(message.readMs, message.previousSliceMs ?? 0);
          maxSliceMs.value = Math.max(maxSliceMs.value, slowest);
          recentSliceMs.value = [...recentSliceMs.value.slice(-199), slowest];
        }
        break;
      }
      case 'background/draft':
        if (message.ticketKey === conversation.value?.ticketKey) {
          draft.value = message.text;
          noticeEdits(message.text);
        }
        break;
      case 'background/inserted':
        finishInsert(message.requestId, message.outcome);
        break;
      case 'background/command':
        if (message.command === 'insert-top-suggestion') {
          const top = visibleSuggestions.value[0];
          if (top) insert(wordingOf(top), top);
        } else {
          const top = visibleSuggestions.value[0];
          if (top) nextWording(top.step);
        }
        break;
    }
  }

  function finishInsert(requestId: string, outcome: InsertOutcome): void {
    const pending = pendingInserts.get(requestId);
    pendingInserts.delete(requestId);
    const text = pending?.text;
    if (outcome.ok) {
      if (pending) {
        insertedTexts.set(pending.text, { suggestion: pending.suggestion, edited: false });
        log('inserted', { suggestion: pending.suggestion });
      }
      notice.value = { kind: 'ok', text: 'Inserted into the reply editor. Review it, then send it yourself.' };
    } else if (text !== undefined) {
      // No editor (or it refused): the agent still gets the words, on the clipboard.
      void clipboard(text).then(
        () => {
          notice.value = { kind: 'ok', text: 'No reply editor found on the page, so the text was copied: paste it where you reply.' };
          log('copied', { suggestion: pending?.suggestion });
        },
        () => (notice.value = { kind: 'error', text: 'Could not insert or copy the text. Select it below and copy it by hand.' }),
      );
    }
  }

  let requestCounter = 0;
  function insert(text: string, suggestion?: Suggestion): void {
    if (tabId.value === null) return;
    const requestId = `r${++requestCounter}-${Date.now()}`;
    pendingInserts.set(requestId, { text, suggestion });
    transport.send({ type: 'panel/insert', tabId: tabId.value, requestId, text });
  }

  function copy(text: string, suggestion?: Suggestion): void {
    void clipboard(text).then(
      () => {
        notice.value = { kind: 'ok', text: 'Copied.' };
        log('copied', { suggestion });
      },
      () => (notice.value = { kind: 'error', text: 'The clipboard refused: select the text and copy it by hand.' }),
    );
  }

  function nextWording(step: PlaybookStep): void {
    wordingIndex.value = { ...wordingIndex.value, [step]: (wordingIndex.value[step] ?? 0) + 1 };
  }

  function dismiss(step: PlaybookStep): void {
    const suggestion = visibleSuggestions.value.find((s) => s.step === step);
    dismissed.value = new Set([...dismissed.value, step]);
    if (suggestion) log('dismissed', { suggestion });
  }

  /** Thumbs up or down on a suggestion, with an optional reason (a QA reviewer reads it, redacted). */
  function rate(suggestion: Suggestion, up: boolean, reason?: string): void {
    log(up ? 'rated_up' : 'rated_down', { suggestion, reason });
    notice.value = { kind: 'ok', text: up ? 'Thanks: noted as helpful.' : 'Thanks: noted for your team lead.' };
  }

  /** The agent says a cue is wrong: the rule and the words go to the log for the pack author. */
  function wrongCue(cue: Cue): void {
    log('wrong_cue', { ruleIds: [cue.ruleId], reason: cue.text });
    notice.value = { kind: 'ok', text: `Noted: “${cue.text}” should not count as ${cue.category.replace(/_/g, ' ')}.` };
  }

  function toggleCompose(step: PlaybookStep): void {
    const next = new Set(composing.value);
    if (next.has(step)) next.delete(step);
    else next.add(step);
    composing.value = next;
  }

  const composedReply = computed(() => {
    const chosen = visibleSuggestions.value.filter((s) => composing.value.has(s.step)).map((s) => ({ step: s.step, text: wordingOf(s) }));
    if (chosen.length === 0) return '';
    return composeReply(chosen, { name: conversation.value?.requester?.split(/\s+/)[0], channel: channel.value, tone: tone.value });
  });

  function showTab(id: number): void {
    if (id === tabId.value) return;
    batch(() => {
      tabId.value = id;
      status.value = null;
      conversation.value = null;
      resetTicketState();
    });
    transport.send({ type: 'panel/subscribe', tabId: id });
  }

  function requestAccess(origin: string): void {
    if (tabId.value !== null) transport.send({ type: 'panel/request-access', tabId: tabId.value, origin });
  }

  transport.onMessage(onMessage);
  transport.onTab(showTab);

  return {
    tabId, status, conversation, draft, tone, channel, notice, latency, maxSliceMs, recentSliceMs, analysis, latestCustomer, disabledRules,
    suggestions: visibleSuggestions, coachIssues, composing, composedReply, wordingIndex,
    wordingOf, insert, copy, nextWording, dismiss, rate, wrongCue, toggleCompose, requestAccess,
  };
}
