/**
 * What a helpdesk adapter reads from a ticket page, in the shape every other part uses.
 * Plain data: it crosses the runtime Port between the content script and our extension pages.
 */

/** Same roles as the engine's thread messages. */
export type ConversationRole = 'customer' | 'agent' | 'internal';

export interface ConversationMessage {
  /** Stable within the ticket (the helpdesk's message id, else a hash of author, time and position). */
  key: string;
  role: ConversationRole;
  /** The author's current words: quoted history, signatures and markup removed; paragraphs separated by a blank line. */
  text: string;
  author?: string;
  /** As the page shows it (ISO 8601 where the page gives a machine-readable time). */
  time?: string;
}

export interface ConversationSnapshot {
  /** Adapter id, e.g. `rt`, `zendesk`, `generic`. */
  helpdesk: string;
  /** Stable key of the open ticket (e.g. `rt:42`); changes on a ticket switch. */
  ticketKey: string;
  subject?: string;
  /** The requester's display name as the helpdesk shows it (for the greeting). */
  requester?: string;
  /** Oldest first, whatever order the page shows them in. */
  messages: ConversationMessage[];
}

/** What the adapter could find on the page; the side panel shows it. */
export interface SelfTest {
  helpdesk: string;
  /** A ticket or conversation is open and readable. */
  conversation: boolean;
  /** A reply editor to insert into was found. */
  editor: boolean;
  messages: number;
  /** Human-readable detail when something is missing ("no element matches .thread-body"). */
  problems: string[];
}

/** Outcome of inserting a suggestion. `clipboard` means no editor was found and the panel should copy instead. */
export type InsertOutcome =
  | { ok: true; editor: string }
  | { ok: false; reason: 'no-editor' | 'rejected' | 'not-verified'; detail?: string };
