import type { ConversationRole, ConversationSnapshot, InsertOutcome, SelfTest } from '../shared/conversation';
import type { HelpdeskDefinition, HelpdeskSelectors } from '../shared/helpdesk';

/** A helpdesk adapter: the definition (data) plus the DOM behaviour. No chrome.* here. */
export interface Adapter {
  readonly definition: HelpdeskDefinition;
  /** Whether this adapter handles the page (URL, then a cheap DOM probe). */
  detect(doc: Document, url: URL): boolean;
  /** The roots to observe for changes (may be empty before the page has loaded its history). */
  roots(doc: Document): Element[];
  /**
   * The open conversation, or null when no ticket is open. Cheap enough to call after every batch
   * of mutations. `prepared`: a finished preparation, passed only when the page has not changed since,
   * whose messages are then taken as they are.
   */
  read(doc: Document, url: URL, prepared?: Preparation): ConversationSnapshot | null;
  /**
   * Does the expensive part of a read (extracting message text) in slices, so the following `read`
   * is cheap. The content script calls `step` from idle callbacks, which keeps every slice under the
   * 50 ms long-task line, and starts a new preparation when the page changes.
   */
  prepare?(doc: Document): Preparation;
  /** The reply editor element to insert into (for CKEditor 4 in an iframe: the iframe's editable body). */
  findEditor(doc: Document): HTMLElement | null;
  /** `snapshot`: what `read` just returned for this page, so the self-test does not read again. */
  selfTest(doc: Document, url: URL, snapshot?: ConversationSnapshot | null): SelfTest;
}

/** One preparation of the messages as the page is now: `step` works until `hasTime()` is false and says whether everything is ready. */
export interface Preparation {
  step(hasTime: () => boolean): boolean;
}

export type { ConversationRole, ConversationSnapshot, HelpdeskDefinition, HelpdeskSelectors, InsertOutcome, SelfTest };

/** How many elements each selector matches on the helpdesk's fixture page (checked by the adapter tests). */
export type ExpectedCounts = Partial<Record<keyof HelpdeskSelectors, number>>;
