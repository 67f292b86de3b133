/** Stable message keys: the helpdesk's own id where the markup carries one, else a short hash. */

// Ids of the message itself (data-id, data-thread_id, data-transaction-id, data-message-id...),
// not of the people or test hooks that also use `data-*-id` names.
const ID_ATTRIBUTE = /^data-(?:[a-z]+[-_])*id$/;
const NOT_MESSAGE_IDS = /^data-(?:test|user|author|customer|agent|ticket|conversation)[-_]?id$/;

export function messageIdAttribute(message: Element): string | null {
  // Names, not `attributes`: that materialises an Attr object per attribute (slow, and garbage, at 2,000 messages).
  for (const name of message.getAttributeNames()) {
    if (ID_ATTRIBUTE.test(name) && !NOT_MESSAGE_IDS.test(name)) {
      const value = message.getAttribute(name);
      if (value) return value;
    }
  }
  return null;
}

/** FNV-1a, 32 bit, base 36: short and stable, not a security hash. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function messageKey(message: Element, author: string | undefined, time: string | undefined, position: number): string {
  return messageIdAttribute(message) ?? `h${shortHash(`${author ?? ''}\u0000${time ?? ''}\u0000${position}`)}`;
}
