/** A helpdesk described as data (built in, added by a team lead, or pushed by policy). */

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
