/**
 * Help Scout: thread types are classes, so the definition's selectors are the whole adapter. Older
 * bodies load lazily; a thread without its body yet is left out until a later read finds it.
 */
import { createAdapter } from './read';
import { definition } from './selectors/helpscout';

export const helpscout = createAdapter(definition);
