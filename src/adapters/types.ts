import type { ConversationRole, ConversationSnapshot, InsertOutcome, SelfTest } from '../shared/conversation';
import type { HelpdeskDefinition, HelpdeskSelectors } from '../shared/helpdesk';

/** A helpdesk adapter: the definition (data) plus the DOM behaviour. No chrome.* here. */
export interface Adapter {
  readonly definition: HelpdeskDefinition;
  /** Whether this adapter handles the page (URL, then a cheap DOM probe). */
  detect(doc: Document, url: URL): boolean;
  /** The roots to observe for changes (may be empty before the page has loaded its history). */
  roots(doc: Document): Element[];
  /** The open conversation, or null when no ticket is open. Cheap enough to call after every batch of mutations. */
  read(doc: Document, url: URL): ConversationSnapshot | null;
  /**
   * Does the expensive part of a read (extracting message text) in slices: works until `hasTime()`
   * is false and returns whether everything is ready, so the following `read` is cheap. The content
   * script calls it from idle callbacks, which keeps every slice under the 50 ms long-task line.
   */
  prepare?(doc: Document, hasTime: () => boolean): boolean;
  /** The reply editor element to insert into (for CKEditor 4 in an iframe: the iframe's editable body). */
  findEditor(doc: Document): HTMLElement | null;
  selfTest(doc: Document, url: URL): SelfTest;
}

export type { ConversationRole, ConversationSnapshot, HelpdeskDefinition, HelpdeskSelectors, InsertOutcome, SelfTest };

/** How many elements each selector matches on the helpdesk's fixture page (checked by the adapter tests). */
export type ExpectedCounts = Partial<Record<keyof HelpdeskSelectors, number>>;
