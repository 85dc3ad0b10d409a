import { describe, expect, it } from 'vitest';
import { takeLease, type LeaseDoc, type LeaseStore } from '../../src/domain/lease-chain.js';

/** A store with the one guarantee FerretDB gives: a second insert of an `_id` is refused. */
const memoryStore = () => {
  const docs = new Map<string, LeaseDoc>();
  const store: LeaseStore = {
    insert: async (doc) => {
      await Promise.resolve();
      if (docs.has(doc._id)) return false;
      docs.set(doc._id, doc);
      return true;
    },
    get: async (id) => {
      await Promise.resolve();
      return docs.get(id) ?? null;
    },
  };
  return { store, docs };
};

const now = new Date('2026-11-26T05:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('leases of due items', () => {
  it('grants an item to the first taker and refuses the others while it holds it', async () => {
    const { store } = memoryStore();
    expect(await takeLease(store, 'deferred:x', 'a', now, 60_000)).toMatchObject({ _id: 'deferred:x#0', holder: 'a' });
    expect(await takeLease(store, 'deferred:x', 'b', later(59_000), 60_000)).toBeNull();
    expect(await takeLease(store, 'deferred:y', 'b', later(1), 60_000)).toMatchObject({ holder: 'b' });
  });

  it('lets another holder take over once the lease expired, and only one of two', async () => {
    const { store, docs } = memoryStore();
    await takeLease(store, 'digest:w:d', 'crashed', now, 60_000);
    const [b, c] = await Promise.all([takeLease(store, 'digest:w:d', 'b', later(60_000), 60_000), takeLease(store, 'digest:w:d', 'c', later(60_000), 60_000)]);
    expect([b, c].filter((lease) => lease !== null)).toHaveLength(1);
    expect(docs.get('digest:w:d#1')?.holder).toBe((b ?? c)!.holder);
    expect(await takeLease(store, 'digest:w:d', 'a', later(61_000), 60_000)).toBeNull();
  });

  it('never grants one item twice among many concurrent takers', async () => {
    const { store } = memoryStore();
    const leases = await Promise.all(Array.from({ length: 20 }, (_, i) => takeLease(store, 'webhook:j:0', `h${i}`, now, 60_000)));
    expect(leases.filter((lease) => lease !== null)).toHaveLength(1);
  });

  it('gives up after a chain of expired links rather than walking for ever', async () => {
    const { store } = memoryStore();
    for (let i = 0; i < 3; i += 1) expect(await takeLease(store, 'item', `h${i}`, later(i * 10), 5, 3)).not.toBeNull();
    expect(await takeLease(store, 'item', 'late', later(1_000), 5, 3)).toBeNull();
  });

  it('does not grant a swept first link again while a later link is held', async () => {
    const { store, docs } = memoryStore();
    await takeLease(store, 'item', 'crashed', now, 60_000);
    expect(await takeLease(store, 'item', 'b', later(60_000), 60_000)).toMatchObject({ _id: 'item#1', holder: 'b' });
    docs.delete('item#0');
    expect(await takeLease(store, 'item', 'c', later(61_000), 60_000)).toBeNull();
  });
});
