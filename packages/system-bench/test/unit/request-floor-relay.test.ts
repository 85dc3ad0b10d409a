import { describe, expect, it } from 'vitest';
import { FloorRelay, type FloorEntry, type FloorRelayIo } from '../../src/request-floor-relay.js';

/** A relay over an in-memory pending index; time moves only when told. */
function harness(settings = { batchSize: 3, idleMs: 500, idleMaxMs: 5_000, markEvery: 5_000, markIntervalMs: 1_000 }) {
  let clock = 10_000;
  const pending: FloorEntry[] = [];
  const sent: string[][] = [];
  const marked: string[][] = [];
  const sleeps: number[] = [];
  let wake: (() => void) | undefined;
  const io: FloorRelayIo = {
    read: async (limit) => pending.slice(0, limit),
    send: async (entries) => void sent.push(entries.map((e) => e._id)),
    remove: async (ids) => {
      for (const id of ids) pending.splice(pending.findIndex((e) => e._id === id), 1);
    },
    mark: async (ids) => void marked.push([...ids]),
    sleep: (ms, onWake) =>
      new Promise<void>((done) => {
        sleeps.push(ms);
        wake = done;
        onWake(done);
      }),
    now: () => clock,
  };
  const relay = new FloorRelay(io, settings);
  const write = (n: number) => {
    for (let i = 0; i < n; i += 1) pending.push({ _id: `vac_${pending.length + sent.flat().length}:1`, events: '[{}]' });
  };
  const settle = () => new Promise((done) => setTimeout(done, 5));
  return { io, relay, pending, sent, marked, sleeps, write, settle, tick: (ms: number) => (clock += ms), idle: () => wake?.() };
}

describe('FloorRelay', () => {
  it('publishes and deletes what one read finds, up to the batch size', async () => {
    const h = harness();
    h.write(4);
    expect(await h.relay.flushOnce()).toBe(3);
    expect(h.sent).toEqual([['vac_0:1', 'vac_1:1', 'vac_2:1']]);
    expect(h.pending.map((e) => e._id)).toEqual(['vac_3:1']);
    expect(h.relay.counts).toEqual({ reads: 1, sends: 1, events: 3, marks: 0 });
  });

  it('reads again at once only when a read filled its limit; otherwise waits for a kick', async () => {
    const h = harness();
    h.write(4);
    h.relay.start();
    await h.settle();
    // 3 (full: again at once), then 1 (not full: waits).
    expect(h.sent.map((s) => s.length)).toEqual([3, 1]);
    expect(h.sleeps).toEqual([500]);
    h.write(2);
    h.relay.kick();
    await h.settle();
    expect(h.sent.map((s) => s.length)).toEqual([3, 1, 2]);
    await h.relay.stop();
  });

  it('marks what it published when a read finds nothing and the last mark is a second old, and at stop', async () => {
    const h = harness();
    h.write(2);
    await h.relay.flushOnce();
    expect(h.marked).toEqual([]);
    // Never marked yet: the first read that finds nothing marks.
    await h.relay.flushOnce();
    expect(h.marked).toEqual([['vac_0:1', 'vac_1:1']]);
    expect(h.relay.unmarkedCount).toBe(0);
    h.write(1);
    await h.relay.flushOnce();
    h.tick(999);
    await h.relay.flushOnce();
    expect(h.marked).toHaveLength(1);
    expect(h.relay.unmarkedCount).toBe(1);
    h.tick(1);
    await h.relay.flushOnce();
    expect(h.marked).toEqual([['vac_0:1', 'vac_1:1'], ['vac_2:1']]);
    h.write(1);
    await h.relay.flushOnce();
    await h.relay.stop();
    expect(h.marked.at(-1)).toEqual(['vac_3:1']);
  });

  it('counts the versions of a mark on its way as not yet marked', async () => {
    const h = harness();
    let release: () => void = () => {};
    const relay = new FloorRelay({ ...h.io, mark: () => new Promise<void>((done) => (release = done)) });
    h.write(2);
    await relay.flushOnce();
    const marking = relay.flushOnce();
    await h.settle();
    expect(relay.unmarkedCount).toBe(2);
    expect(relay.counts.marks).toBe(0);
    release();
    await marking;
    expect(relay.unmarkedCount).toBe(0);
    expect(relay.counts.marks).toBe(1);
  });

  it('marks once markEvery versions wait, even while there is more to publish', async () => {
    const h = harness({ batchSize: 2, idleMs: 500, idleMaxMs: 5_000, markEvery: 4, markIntervalMs: 1_000 });
    h.write(6);
    await h.relay.flushOnce();
    expect(h.marked).toEqual([]);
    await h.relay.flushOnce();
    expect(h.marked).toEqual([['vac_0:1', 'vac_1:1', 'vac_2:1', 'vac_3:1']]);
  });

  it('waits longer each time it finds nothing, up to the most', async () => {
    const h = harness({ batchSize: 3, idleMs: 500, idleMaxMs: 1_500, markEvery: 5_000, markIntervalMs: 1_000 });
    h.relay.start();
    for (let i = 0; i < 4; i += 1) {
      await h.settle();
      h.idle();
    }
    await h.settle();
    expect(h.sleeps.slice(0, 4)).toEqual([500, 1_000, 1_500, 1_500]);
    await h.relay.stop();
  });

  it('publishes entries handed over without a read while the last read found everything and is younger than idleMs, and drops them before the next read', async () => {
    const h = harness();
    const handOver = (n: number) => {
      const before = h.pending.length;
      h.write(n);
      for (const entry of h.pending.slice(before)) h.relay.offer(entry);
    };
    // A first read (finds nothing): then the next write goes out as handed over.
    await h.relay.flushOnce();
    handOver(2);
    expect(await h.relay.flushOnce()).toBe(2);
    expect(h.relay.counts.reads).toBe(1);
    // Still in the index until the next read, which drops them first and so does not find them again.
    expect(h.pending).toHaveLength(2);
    h.tick(500);
    handOver(1);
    expect(await h.relay.flushOnce()).toBe(1);
    expect(h.relay.counts.reads).toBe(2);
    expect(h.sent.map((s) => s.length)).toEqual([2, 1]);
    expect(h.pending).toEqual([]);
    // Dropped at stop too.
    handOver(1);
    await h.relay.flushOnce();
    expect(h.pending).toHaveLength(1);
    await h.relay.stop();
    expect(h.pending).toEqual([]);
  });
});
