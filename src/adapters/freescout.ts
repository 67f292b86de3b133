/** FreeScout: thread types are classes, so the definition's selectors are the whole adapter. */
import { createAdapter } from './read';
import { definition } from './selectors/freescout';

export const freescout = createAdapter(definition);
