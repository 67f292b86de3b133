/** osTicket: entry types are classes, so the definition's selectors are the whole adapter. */
import { createAdapter } from './read';
import { definition } from './selectors/osticket';

export const osticket = createAdapter(definition);
