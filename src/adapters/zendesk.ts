/**
 * Zendesk Agent Workspace: the bubble's `type` attribute gives the role, expressed with `:has()`
 * selectors, so the definition is the whole adapter; scoping to the active pane is its root.
 */
import { createAdapter } from './read';
import { definition } from './selectors/zendesk';

export const zendesk = createAdapter(definition);
