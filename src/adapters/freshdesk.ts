/** Freshdesk: roles are classes and a marker attribute, so the definition's selectors are the whole adapter. */
import { createAdapter } from './read';
import { definition } from './selectors/freshdesk';

export const freshdesk = createAdapter(definition);
