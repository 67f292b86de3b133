import { describe, expect, it } from 'vitest';
import { ADAPTERS, BUILT_IN_MATCHES, adapterById, matchesUnion } from './registry';

describe('registry', () => {
  it('lists every helpdesk once, generic last', () => {
    const ids = ADAPTERS.map((adapter) => adapter.definition.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('generic');
    expect(adapterById('rt')?.definition.name).toBe('Request Tracker');
    expect(adapterById('nope')).toBeUndefined();
  });

  it('gives the manifest the sorted union of all match patterns, without repeats', () => {
    expect(BUILT_IN_MATCHES).toEqual(matchesUnion(ADAPTERS));
    expect([...BUILT_IN_MATCHES].sort()).toEqual(BUILT_IN_MATCHES);
    expect(new Set(BUILT_IN_MATCHES).size).toBe(BUILT_IN_MATCHES.length);
    expect(BUILT_IN_MATCHES).toContain('https://*.zendesk.com/*');
    expect(BUILT_IN_MATCHES).toContain('http://127.0.0.1/*');
    expect(BUILT_IN_MATCHES).not.toContain('<all_urls>');
  });

  it('keeps ticket URL patterns valid and capturing the ticket id', () => {
    for (const { definition } of ADAPTERS) {
      if (!definition.ticketUrl) continue;
      // An empty alternative lets any pattern match "", so the result's length counts the groups.
      expect(new RegExp(`${definition.ticketUrl}|`).exec('')!.length, definition.id).toBeGreaterThanOrEqual(2);
    }
  });
});
