/** The bundled demo helpdesk: roles are classes, so the definition's selectors are the whole adapter. */
import { createAdapter } from './read';
import { definition } from './selectors/demo';

export const demo = createAdapter(definition);
