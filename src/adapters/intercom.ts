/** Intercom inbox: data attributes carry the roles, so the definition's selectors are the whole adapter. */
import { createAdapter } from './read';
import { definition } from './selectors/intercom';

export const intercom = createAdapter(definition);
