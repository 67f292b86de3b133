import { afterEach, describe, expect, it, vi } from 'vitest';
import { toNdjson } from '../../src/shared/log-format';
import { T0, event, freshStore, manyEvents } from './helpers';

// fake-indexeddb cannot lose a write, so what is checked is that every write asks IndexedDB
// for strict durability (flushed to disk before it completes), which a browser honours.
describe('log store durability', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens every read-write transaction with strict durability', async () => {
    const { store } = await freshStore();
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await store.add(manyEvents(20));
    await store.importEvents(toNdjson([event({ id: 'imported' })]));
    await store.applyRetention({ retentionDays: 1, maxEvents: 5 }, T0 + 90 * 86_400_000);
    await store.clear();
    await store.query();
    const writes = spy.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(writes).toHaveLength(4);
    for (const [, , options] of writes) expect(options).toEqual({ durability: 'strict' });
  });
});
