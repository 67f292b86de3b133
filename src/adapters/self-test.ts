/**
 * "Conversation found? Editor found?" with readable reasons, so an agent or team lead can see
 * which selector drifted and fix it as data (withOverrides) instead of waiting for a release.
 */
import type { ConversationSnapshot, SelfTest } from '../shared/conversation';
import { isValidSelector, queryAll, selfOrFirst } from './dom';
import type { Adapter, HelpdeskSelectors } from './types';
import { regexProblem } from './validate';

export interface SelfTestInputs {
  /** The page's snapshot if the caller has just read it (undefined: read it here). */
  snapshot: ConversationSnapshot | null | undefined;
  /** Message elements under the adapter's roots, as the reader found them. */
  messageElements: Element[];
  editorExpected: boolean;
}

const PER_MESSAGE: (keyof HelpdeskSelectors)[] = ['body', 'author', 'time'];
const ON_PAGE: (keyof HelpdeskSelectors)[] = ['subject', 'requester'];

function invalidSelectors(doc: Document, selectors: HelpdeskSelectors): string[] {
  return Object.entries(selectors)
    .filter(([, selector]) => typeof selector === 'string' && selector !== '' && !isValidSelector(doc, selector))
    .map(([name, selector]) => `selector \`${name}\` is not valid CSS: \`${selector}\``);
}

function invalidTicketUrl(ticketUrl: string | undefined): string[] {
  const problem = ticketUrl ? regexProblem(ticketUrl) : null;
  return problem ? [`ticketUrl is not a valid regular expression: \`${ticketUrl}\` (${problem})`] : [];
}

function messageProblems(elements: Element[], selectors: HelpdeskSelectors): string[] {
  const problems: string[] = [];
  for (const name of PER_MESSAGE) {
    const selector = selectors[name];
    if (selector && elements.length > 0 && !elements.some((element) => selfOrFirst(element, selector))) {
      problems.push(`no element matches \`${selector}\` (${name}) inside the ${elements.length} messages`);
    }
  }
  return problems;
}

export function selfTestOf(adapter: Adapter, doc: Document, url: URL, inputs: SelfTestInputs): SelfTest {
  const { definition } = adapter;
  const selectors = definition.selectors;
  const problems = [...invalidTicketUrl(definition.ticketUrl), ...invalidSelectors(doc, selectors)];
  const snapshot = inputs.snapshot === undefined ? adapter.read(doc, url) : inputs.snapshot;
  const roots = adapter.roots(doc);
  const elements = inputs.messageElements;

  if (!snapshot) problems.push(`no ticket open: the address does not match \`${definition.ticketUrl ?? 'a ticket page'}\``);
  if (roots.length === 0) problems.push(`no element matches \`${selectors.root}\` (root)`);
  else if (elements.length === 0) problems.push(`no element matches \`${selectors.message}\` (message) inside \`${selectors.root}\``);
  problems.push(...messageProblems(elements, selectors));
  for (const name of ON_PAGE) {
    const selector = selectors[name];
    if (selector && queryAll(doc, selector).length === 0) problems.push(`no element matches \`${selector}\` (${name})`);
  }
  const editor = adapter.findEditor(doc) !== null;
  if (!editor && inputs.editorExpected) {
    problems.push(selectors.editor ? `no reply editor matches \`${selectors.editor}\`` : 'no reply editor found');
  }
  const messages = snapshot?.messages.length ?? 0;
  return {
    helpdesk: definition.id,
    conversation: snapshot !== null && messages > 0,
    editor,
    messages,
    problems: [...new Set(problems)],
  };
}
