/**
 * The data-driven reader: turns a HelpdeskDefinition (selectors as data) plus a few optional
 * code hooks into an Adapter. Built-in helpdesks and team leads' custom definitions share it.
 */
import type { ConversationMessage, ConversationRole, ConversationSnapshot } from '../shared/conversation';
import { editableSurface, isHiddenByMarkup, matchesSelector, outermost, queryAll, queryFirst } from './dom';
import { messageKey } from './keys';
import { matchesAny } from './match-pattern';
import { MessageIndex } from './message-index';
import { selfTestOf } from './self-test';
import { extractText, inlineText } from './text';
import type { Adapter, HelpdeskDefinition, HelpdeskSelectors, Preparation } from './types';

/** Behaviour a definition cannot express as selectors. Every hook is optional. */
export interface AdapterHooks {
  /** Replaces URL/probe detection (the generic adapter accepts every page). */
  detect?(doc: Document, url: URL): boolean;
  /** A snapshot that takes precedence over the selector read when it returns one (generic: the agent's text selection). */
  preferredRead?(doc: Document, url: URL): ConversationSnapshot | null;
  /** Replaces `selectors.root` lookup. */
  roots?(doc: Document): Element[];
  /**
   * Called once per read; the returned function gives a message's role, or undefined to use the
   * selectors. Look inside messages with `find` (batched), not message.querySelector (slow at 2,000 messages).
   */
  roleReader?(doc: Document, find: MessageIndex['first']): (message: Element) => ConversationRole | undefined;
  /** Ticket id when the URL alone does not carry it in path or query (Gmail keeps it in the hash). */
  ticketId?(doc: Document, url: URL): string | null;
  /** Tidies the subject as the page shows it (RT prefixes `#7: `). */
  cleanSubject?(subject: string): string;
  /** Replaces `selectors.editor` lookup. */
  editor?(doc: Document): HTMLElement | null;
  /** False on pages that by design have no reply editor (RT's Display page), so selfTest does not flag it. */
  editorExpected?(url: URL): boolean;
}

/**
 * The ticket id reader for a definition's `ticketUrl`, compiled once. An invalid pattern (a team
 * lead's typo) gives null: the definition then never detects, and selfTest names the pattern.
 */
function ticketIdReader(definition: HelpdeskDefinition): ((url: URL) => string | null) | null {
  if (!definition.ticketUrl) return (url) => url.pathname + url.search;
  let pattern: RegExp;
  try {
    pattern = new RegExp(definition.ticketUrl);
  } catch {
    return null;
  }
  return (url) => {
    const found = pattern.exec(url.pathname + url.search);
    return found ? (found[1] ?? found[0]) : null;
  };
}

/** Unchanged messages checked between looks at the clock while preparing. */
const CHECK_CLOCK_EVERY = 250;

function timeOf(element: Element | null): string | undefined {
  if (!element) return undefined;
  const stamped = element.matches('[datetime], [title]') ? element : element.querySelector('[datetime], [title]');
  const attribute = stamped?.getAttribute('datetime') || stamped?.getAttribute('title');
  return attribute?.trim() || inlineText(element) || undefined;
}

function fieldText(element: Element | null): string | undefined {
  if (!element) return undefined;
  // Tag names, not instanceof: the element may come from another realm (a frame's document).
  const value = element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' ? (element as HTMLInputElement).value : inlineText(element);
  return value.trim() || undefined;
}

// A message that matches no role selector is the customer's: helpdesks mark staff and notes, and
// reading an unmarked message as the customer's errs toward more care, not less.
function roleBySelectors(message: Element, selectors: HelpdeskSelectors): ConversationRole {
  if (matchesSelector(message, selectors.internal)) return 'internal';
  if (matchesSelector(message, selectors.agent)) return 'agent';
  return 'customer';
}

/** Changes with any realistic edit of a message (text, markup, a class that marks its role); cheap native reads. */
function elementSignature(element: Element): string {
  return `${element.textContent?.length ?? 0}:${element.getElementsByTagName('*').length}:${element.className}`;
}

// Lets withDefinition rebuild an adapter with its hooks from outside the helpdesk's own file.
const hooksByAdapter = new WeakMap<Adapter, AdapterHooks>();

export function createAdapter(definition: HelpdeskDefinition, hooks: AdapterHooks = {}): Adapter {
  const s = definition.selectors;
  const ticketIdOf = ticketIdReader(definition);

  const roots = (doc: Document): Element[] => hooks.roots?.(doc) ?? outermost(queryAll(doc, s.root));

  /** Message elements in page order, de-duplicated across roots. */
  const messageElements = (scopes: Element[]): Element[] => [...new Set(scopes.flatMap((root) => queryAll(root, s.message)))];

  /** What the last read found for each message element (per adapter: a selector fix reads them differently). */
  const messageCache = new WeakMap<Element, { signature: string; position: number; message: ConversationMessage | null }>();

  /**
   * Reads messages, reusing what an earlier read (or a preparation) found for an element that has
   * not changed since: on a long thread almost every message is unchanged, and building the field
   * indexes and extracting text for 2,000 messages is what costs. `run` goes on from where it
   * stopped: with `hasTime` it returns null when time ran out, and the next call resumes there with
   * the same element list and field index (rebuilding them per slice cost more than the slice's work).
   */
  const messageReader = (doc: Document, scopes: Element[]) => {
    const elements = messageElements(scopes);
    if (definition.order === 'newest-first') elements.reverse();
    let index: MessageIndex | null = null;
    let roleOf: ((message: Element) => ConversationRole | undefined) | undefined;
    const fresh = (element: Element, position: number): ConversationMessage | null => {
      if (!index) {
        index = new MessageIndex(scopes, elements);
        const found = index;
        roleOf = hooks.roleReader?.(doc, (message, selector) => found.first(message, selector));
      }
      const body = index.first(element, s.body);
      if (!body) return null; // not a readable message (yet): lazily loaded bodies arrive in a later read
      const author = fieldText(index.first(element, s.author));
      const time = timeOf(index.first(element, s.time));
      const message: ConversationMessage = {
        key: messageKey(element, author, time, position),
        role: roleOf?.(element) ?? roleBySelectors(element, s),
        text: extractText(body, s.exclude),
      };
      if (author) message.author = author;
      if (time) message.time = time;
      return message;
    };
    const messages: ConversationMessage[] = [];
    let position = 0;
    return {
      scopes,
      /** Every message, once `run` has finished. */
      result: (): ConversationMessage[] | null => (position >= elements.length ? messages : null),
      run(hasTime?: () => boolean): ConversationMessage[] | null {
        for (; position < elements.length; position++) {
          // Checking 2,000 unchanged messages costs a few ms too: look at the clock now and then.
          if (hasTime && position % CHECK_CLOCK_EVERY === CHECK_CLOCK_EVERY - 1 && !hasTime()) return null;
          const element = elements[position]!;
          const signature = elementSignature(element);
          const cached = messageCache.get(element);
          if (cached && cached.signature === signature && cached.position === position) {
            if (cached.message) messages.push(cached.message);
            continue;
          }
          if (hasTime && !hasTime()) return null;
          const message = fresh(element, position);
          messageCache.set(element, { signature, position, message });
          if (message) messages.push(message);
        }
        return messages;
      },
    };
  };

  type MessageReader = ReturnType<typeof messageReader>;
  /** Each preparation's reader, so `read` can take its finished result instead of scanning again. */
  const readers = new WeakMap<Preparation, MessageReader>();

  /** A finished preparation's messages, if it read the roots the page has now. */
  const preparedMessages = (prepared: Preparation | undefined, scopes: Element[]): ConversationMessage[] | null => {
    const reader = prepared && readers.get(prepared);
    const same = reader && reader.scopes.length === scopes.length && reader.scopes.every((scope, i) => scope === scopes[i]);
    return same ? reader.result() : null;
  };

  const adapter: Adapter = {
    definition,
    detect(doc, url) {
      if (hooks.detect) return hooks.detect(doc, url);
      if (!ticketIdOf) return false;
      // Without a probe the host decides (SaaS). With one, the page needs the probe and the ticket path,
      // on any host: self-hosted installs live on 127.0.0.1 or intranet names no pattern can list.
      if (!definition.probe) return matchesAny(definition.matches, url);
      return queryFirst([doc], definition.probe) !== null && ticketIdOf(url) !== null;
    },
    roots,
    read(doc, url, prepared): ConversationSnapshot | null {
      const preferred = hooks.preferredRead?.(doc, url);
      if (preferred) return preferred;
      const ticketId = hooks.ticketId ? hooks.ticketId(doc, url) : (ticketIdOf?.(url) ?? null);
      if (!ticketId) return null;
      const scopes = roots(doc);
      const lookIn: ParentNode[] = [...scopes, doc];
      const snapshot: ConversationSnapshot = {
        helpdesk: definition.id,
        ticketKey: `${definition.id}:${ticketId}`,
        messages: preparedMessages(prepared, scopes) ?? messageReader(doc, scopes).run() ?? [],
      };
      const subject = fieldText(queryFirst(lookIn, s.subject));
      // Without a requester field, the first customer message's author is who the greeting is for.
      const requester =
        fieldText(queryFirst(lookIn, s.requester)) ?? snapshot.messages.find((message) => message.role === 'customer')?.author;
      if (subject) snapshot.subject = hooks.cleanSubject?.(subject) ?? subject;
      if (requester) snapshot.requester = requester;
      return snapshot;
    },
    prepare(doc) {
      const reader = messageReader(doc, roots(doc));
      const preparation: Preparation = { step: (hasTime) => reader.run(hasTime) !== null };
      readers.set(preparation, reader);
      return preparation;
    },
    findEditor(doc) {
      if (hooks.editor) return hooks.editor(doc);
      // The conversation's own composer first (Zendesk keeps several tickets' composers in the DOM).
      const scoped = roots(doc).flatMap((root) => queryAll(root, s.editor));
      const candidates = scoped.length > 0 ? scoped : queryAll(doc, s.editor);
      // Prefer an editable iframe body (CKEditor 4 keeps a hidden textarea beside it), then a visible element.
      const surfaces = candidates.map(editableSurface).filter((surface): surface is HTMLElement => surface !== null);
      return (
        surfaces.find((surface) => surface.ownerDocument !== doc) ??
        surfaces.find((surface) => !isHiddenByMarkup(surface)) ??
        surfaces[0] ??
        null
      );
    },
    selfTest(doc, url, snapshot) {
      return selfTestOf(adapter, doc, url, {
        snapshot,
        messageElements: messageElements(roots(doc)),
        editorExpected: hooks.editorExpected?.(url) ?? true,
      });
    },
  };
  hooksByAdapter.set(adapter, hooks);
  return adapter;
}

/** A definition with some selectors replaced (team lead or policy fixes); empty strings are ignored. */
export function withOverrides(definition: HelpdeskDefinition, selectors: Partial<HelpdeskSelectors>): HelpdeskDefinition {
  const fixes = Object.fromEntries(Object.entries(selectors).filter(([, value]) => typeof value === 'string' && value.trim() !== ''));
  return { ...definition, selectors: { ...definition.selectors, ...fixes } };
}

/** The same adapter (hooks included) over another definition, e.g. one from `withOverrides`. */
export function withDefinition(adapter: Adapter, definition: HelpdeskDefinition): Adapter {
  return createAdapter(definition, hooksByAdapter.get(adapter) ?? {});
}
