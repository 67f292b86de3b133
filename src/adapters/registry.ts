/**
 * Every adapter in the order detection tries them, and the choice for a page. Team leads' custom
 * definitions go through the same data-driven reader; the generic adapter catches everything else.
 */
import { freescout } from './freescout';
import { freshdesk } from './freshdesk';
import { front } from './front';
import { generic } from './generic';
import { gmail } from './gmail';
import { helpscout } from './helpscout';
import { intercom } from './intercom';
import { osticket } from './osticket';
import { demo } from './demo';
import { createAdapter } from './read';
import { rt } from './rt';
import { zendesk } from './zendesk';
import type { Adapter, HelpdeskDefinition } from './types';
import { isHelpdeskDefinition } from './validate';

/** Built-in helpdesks, most specific detection first; generic is last and accepts any page. */
export const ADAPTERS: readonly Adapter[] = [rt, freescout, osticket, zendesk, freshdesk, intercom, helpscout, front, gmail, demo, generic];

export function adapterById(id: string): Adapter | undefined {
  return ADAPTERS.find((adapter) => adapter.definition.id === id);
}

// One broken adapter or custom definition (a bad ticketUrl regex) must not stop detection.
function safelyDetects(adapter: Adapter, doc: Document, url: URL): boolean {
  try {
    return adapter.detect(doc, url);
  } catch {
    return false;
  }
}

/**
 * The adapter for this page. Custom definitions come first: a team lead who configured a page
 * meant it, even where a built-in adapter would also claim the host.
 */
export function pickAdapter(doc: Document, url: URL, custom: readonly HelpdeskDefinition[] = []): Adapter {
  // Custom definitions are stored settings: one of the wrong shape is skipped (the options page shows why).
  const usable = custom.filter(isHelpdeskDefinition);
  const candidates = [...usable.map((definition) => createAdapter(definition)), ...ADAPTERS];
  return candidates.find((adapter) => safelyDetects(adapter, doc, url)) ?? generic;
}

/** The union of the adapters' match patterns, sorted and without repeats (for the manifest and permission requests). */
export function matchesUnion(adapters: readonly Adapter[]): string[] {
  return [...new Set(adapters.flatMap((adapter) => adapter.definition.matches))].sort();
}

export const BUILT_IN_MATCHES: readonly string[] = matchesUnion(ADAPTERS);

export { createAdapter, withDefinition, withOverrides } from './read';
export type { AdapterHooks } from './read';
export { definitionProblems, isHelpdeskDefinition } from './validate';
