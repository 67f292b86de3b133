/** Front: message direction is an attribute, so the definition's selectors are the whole adapter. */
import { createAdapter } from './read';
import { definition } from './selectors/front';

export const front = createAdapter(definition);
