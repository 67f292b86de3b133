import type { ConversationRole, ConversationSnapshot, InsertOutcome, SelfTest } from '../shared/conversation';

/**
 * Selectors of one helpdesk, as data: team leads and enterprise policy can override any of them
 * (merged over the built-in ones) without a new release.
 */
export interface HelpdeskSelectors {
  /** Elements that contain the whole conversation; the content script observes only these. */
  root: string;
  /** One element per message (or thread entry) inside a root. */
  message: string;
  /** The message body inside a message element. */
  body: string;
  /** Inside a body: quoted history, signatures and other text that is not the author's current words. */
  exclude?: string;
  author?: string;
  time?: string;
  /** A message element matching one of these has that role (checked internal, then agent, then customer). */
  internal?: string;
  agent?: string;
  customer?: string;
  subject?: string;
  requester?: string;
  /** The reply editor (textarea, contenteditable, or an iframe whose body is editable). */
  editor?: string;
}

export interface HelpdeskDefinition {
  /** Short id used in ticket keys and logs: `rt`, `freescout`, `zendesk`, ... */
  id: string;
  /** Name shown to agents. */
  name: string;
  /** Chrome match patterns of the pages this helpdesk serves, e.g. `https://*.zendesk.com/*`. */
  matches: string[];
  /**
   * Regex source tested against `location.pathname + location.search`; the first capture group is the
   * ticket id. Pages that do not match have no ticket open.
   */
  ticketUrl?: string;
  /**
   * Optional selector that must exist on the page. With it, detection needs this element and a path
   * matching `ticketUrl` on any host, instead of a host in `matches`: self-hosted installs run on
   * 127.0.0.1 or intranet names that no pattern can list (`matches` then only feeds the manifest).
   */
  probe?: string;
  /** Order in which the page lists messages. */
  order: 'oldest-first' | 'newest-first';
  selectors: HelpdeskSelectors;
}

/** A helpdesk adapter: the definition (data) plus the DOM behaviour. No chrome.* here. */
export interface Adapter {
  readonly definition: HelpdeskDefinition;
  /** Whether this adapter handles the page (URL, then a cheap DOM probe). */
  detect(doc: Document, url: URL): boolean;
  /** The roots to observe for changes (may be empty before the page has loaded its history). */
  roots(doc: Document): Element[];
  /** The open conversation, or null when no ticket is open. Cheap enough to call after every batch of mutations. */
  read(doc: Document, url: URL): ConversationSnapshot | null;
  /** The reply editor element to insert into (for CKEditor 4 in an iframe: the iframe's editable body). */
  findEditor(doc: Document): HTMLElement | null;
  selfTest(doc: Document, url: URL): SelfTest;
}

export type { ConversationRole, ConversationSnapshot, InsertOutcome, SelfTest };

/** How many elements each selector matches on the helpdesk's fixture page (checked by the adapter tests). */
export type ExpectedCounts = Partial<Record<keyof HelpdeskSelectors, number>>;
