/**
 * Selector helpers that never throw: selectors are data a team lead may have mistyped, and a bad
 * one must show up in the self-test, not break the helpdesk page.
 */

// Validity depends only on the selector text; reads check the same few selectors thousands of times.
const validity = new Map<string, boolean>();

export function isValidSelector(doc: Document, selector: string): boolean {
  let valid = validity.get(selector);
  if (valid === undefined) {
    try {
      doc.createDocumentFragment().querySelector(selector);
      valid = true;
    } catch {
      valid = false;
    }
    validity.set(selector, valid);
  }
  return valid;
}

export function queryAll(scope: ParentNode, selector: string | undefined): Element[] {
  if (!selector) return [];
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The first match in the first scope that has one. */
export function queryFirst(scopes: readonly ParentNode[], selector: string | undefined): Element | null {
  if (!selector) return null;
  for (const scope of scopes) {
    try {
      const found = scope.querySelector(selector);
      if (found) return found;
    } catch {
      return null;
    }
  }
  return null;
}

/** The element itself when it matches (a body selector may name the whole message), else its first match inside. */
export function selfOrFirst(element: Element, selector: string | undefined): Element | null {
  return matchesSelector(element, selector) ? element : queryFirst([element], selector);
}

export function matchesSelector(element: Element, selector: string | undefined): boolean {
  if (!selector) return false;
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

/** Drops elements that sit inside another element of the list (nested roots would be read twice). */
export function outermost(elements: readonly Element[]): Element[] {
  return elements.filter((element) => !elements.some((other) => other !== element && other.contains(element)));
}

/** Hidden by the page's own markup. Inline checks only: computed styles would force a style recalc. */
export function isHiddenByMarkup(element: Element): boolean {
  const style = (element as HTMLElement).style;
  return element.hasAttribute('hidden') || style?.display === 'none' || style?.visibility === 'hidden';
}

/** The element to type into: the editable body for an iframe editor (CKEditor 4), else the element. */
export function editableSurface(element: Element): HTMLElement | null {
  if (element.tagName === 'IFRAME') {
    try {
      const body = (element as HTMLIFrameElement).contentDocument?.body;
      return body && (body.isContentEditable || body.ownerDocument.designMode === 'on') ? body : null;
    } catch {
      return null; // cross-origin frame
    }
  }
  return element as HTMLElement;
}
