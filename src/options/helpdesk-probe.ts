/**
 * "Test on open page": runs a helpdesk's selectors in a tab with chrome.scripting.executeScript.
 * `probeSelectors` is serialised and run in the page, so it must stay self-contained: no imports,
 * nothing from this module's scope, only DOM built-ins. It reads the way src/adapters/read.ts does
 * (outermost roots, messages without a body skipped, roles internal > agent > customer, newest-first
 * reversed, `exclude` left out of the text) and never changes the page.
 */
import type { HelpdeskSelectors } from '../shared/helpdesk';

export interface SelectorReport {
  name: keyof HelpdeskSelectors;
  selector: string;
  valid: boolean;
  /** Elements found: on the page (root, subject, requester, editor), in the roots (message), else in how many messages. */
  count: number;
}

export interface ProbeResult {
  messages: number;
  roles: { customer: number; agent: number; internal: number };
  /** The first words of the first and last message bodies, in conversation order. */
  first?: string;
  last?: string;
  editor: boolean;
  selectors: SelectorReport[];
}

export function probeSelectors(selectors: Partial<Record<keyof HelpdeskSelectors, string>>, order: string): ProbeResult {
  const validity = (selector: string): boolean => {
    try {
      document.createDocumentFragment().querySelector(selector);
      return true;
    } catch {
      return false;
    }
  };
  const all = (scope: ParentNode, selector: string | undefined): Element[] =>
    selector && validity(selector) ? Array.from(scope.querySelectorAll(selector)) : [];
  const is = (element: Element, selector: string | undefined): boolean => !!selector && validity(selector) && element.matches(selector);
  const within = (element: Element, selector: string | undefined): Element | null => (is(element, selector) ? element : (all(element, selector)[0] ?? null));
  const words = (body: Element): string => {
    const copy = body.cloneNode(true) as Element;
    all(copy, selectors.exclude).forEach((part) => part.remove());
    const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    const cut = text.split(' ').slice(0, 12).join(' ');
    return cut.length < text.length ? `${cut}…` : cut;
  };

  const found = all(document, selectors.root);
  const roots = found.filter((root) => !found.some((other) => other !== root && other.contains(root)));
  const elements = [...new Set(roots.flatMap((root) => all(root, selectors.message)))];
  if (order === 'newest-first') elements.reverse();
  const roles = { customer: 0, agent: 0, internal: 0 };
  const bodies: Element[] = [];
  for (const element of elements) {
    const body = within(element, selectors.body);
    if (!body) continue;
    bodies.push(body);
    if (is(element, selectors.internal)) roles.internal++;
    else if (is(element, selectors.agent)) roles.agent++;
    else roles.customer++;
  }

  const countOf = (name: keyof HelpdeskSelectors, selector: string): number => {
    if (name === 'message') return elements.length;
    if (name === 'root') return roots.length;
    if (name === 'exclude') return bodies.filter((body) => all(body, selector).length > 0).length;
    if (['body', 'author', 'time'].includes(name)) return elements.filter((element) => within(element, selector)).length;
    if (['internal', 'agent', 'customer'].includes(name)) return elements.filter((element) => is(element, selector)).length;
    return all(document, selector).length;
  };
  const reports: SelectorReport[] = [];
  for (const [name, raw] of Object.entries(selectors) as Array<[keyof HelpdeskSelectors, string | undefined]>) {
    const selector = (raw ?? '').trim();
    if (!selector) continue;
    const valid = validity(selector);
    reports.push({ name, selector, valid, count: valid ? countOf(name, selector) : 0 });
  }
  return {
    messages: bodies.length,
    roles,
    first: bodies[0] ? words(bodies[0]) : undefined,
    last: bodies.length > 1 ? words(bodies[bodies.length - 1]!) : undefined,
    editor: all(document, selectors.editor).length > 0,
    selectors: reports,
  };
}

/** Plain sentences for what needs fixing: each selector that is invalid or found nothing. */
export function probeProblems(result: ProbeResult): string[] {
  return result.selectors
    .filter((s) => !s.valid || s.count === 0)
    .map((s) => (s.valid ? `${s.name}: “${s.selector}” matched nothing` : `${s.name}: “${s.selector}” is not a valid CSS selector`));
}
