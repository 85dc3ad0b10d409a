import { describe, expect, it } from 'vitest';
import { readBenchEnv } from '../../src/config.js';
import { floorStageOptions } from '../../src/floor-document.js';
import { documentsPerWorker, floorTopology, groupsOf, undrained } from '../../src/floor-topology.js';

const base = { brokers: ['127.0.0.1:19092'], mongoUrl: 'mongodb://127.0.0.1:37017', dbName: 'x_floor_s', maxWaitTimeInMs: 1000, minBytes: 1 };
const structural = floorTopology('structural', 'x', base);
const [a, b, c, d] = structural.topics.map((t) => t.topic) as [string, string, string, string];
const stage = (name: string) => structural.stages.find((s) => s.name === `floor ${name}`)!;
/** The groups consuming a topic, without the run's prefix. */
const groupsOn = (topic: string) => groupsOf(structural.stages).filter((g) => g.topics.includes(topic)).map((g) => g.groupId.replace('x.floor-s.', '')).sort();
/** Per group on a topic: the documents it writes per message, as [group, count]. */
const storedOn = (topic: string) =>
  structural.stages.flatMap((s) => s.consumers.flatMap((cons) => cons.inputs.filter((i) => i.topic === topic).map((i) => [cons.groupId.replace('x.floor-s.', ''), i.inserts.filter((w) => w.kind === 'message' || w.kind === 'small').length] as const))).sort();

describe('the structural floor', () => {
  it('is one process per service, each valid for a stage', () => {
    expect(structural.stages.map((s) => s.name)).toEqual(['floor registration', 'floor matching', 'floor analytics', 'floor jobfairs', 'floor notification', 'floor vacancy-intake']);
    for (const s of structural.stages) expect(floorStageOptions.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(structural.topics.map((t) => t.partitions)).toEqual([3, 6, 6, 3]);
    expect([structural.first, structural.last]).toEqual([a, c]);
  });

  it('has the real consumer groups on each topic', () => {
    expect(groupsOn(a)).toEqual(['registration']);
    expect(groupsOn(b)).toEqual(['analytics', 'jobfairs.projections', 'matching', 'notification-projections', 'vacancy-intake.workers']);
    expect(groupsOn(c)).toEqual(['analytics', 'jobfairs.projections', 'notification-matches']);
    expect(groupsOn(d)).toEqual(['notification-projections']);
  });

  it('writes registration\'s five documents per worker in seven sequential round trips, with a pending entry and its marker per chunk of 250', () => {
    const [input] = stage('registration').consumers[0]!.inputs;
    expect(input!.chunk).toBe(250);
    expect(input!.inserts.map((w) => `${w.collection}:${w.kind}`)).toEqual([
      'worker_identities:small',
      'worker_keys:small',
      'workers_versions_pending:entry',
      'workers_versions:message',
      'workers_versions_pending_settled:marker',
      'workers:message',
      'audit_log:small',
    ]);
    expect(input!.to).toEqual([]);
    expect(stage('registration').consumers[0]!.partitionsConsumedConcurrently).toBe(3);
    expect(stage('registration').relay).toEqual({
      entries: 'workers_versions_pending',
      markers: 'workers_versions_pending_settled',
      to: [{ topic: b, bytes: 1074 }, { topic: d, bytes: 524 }],
      entryLimit: 20,
    });
  });

  it('has matching record its batch, store the workers, produce to matches and empty the record', () => {
    expect(stage('matching').consumers[0]!.inputs).toEqual([
      { topic: b, chunk: 500, inserts: [{ collection: 'matching_outbox', kind: 'entry' }, { collection: 'matching_workers', kind: 'small' }], to: [{ topic: c, bytes: 908 }], clear: 'matching_outbox' },
    ]);
  });

  it('stores per message what the real consumers store, the type-filtered groups consuming only', () => {
    expect(storedOn(b)).toEqual([['analytics', 1], ['jobfairs.projections', 1], ['matching', 1], ['notification-projections', 0], ['vacancy-intake.workers', 0]]);
    expect(storedOn(c)).toEqual([['analytics', 0], ['jobfairs.projections', 1], ['notification-matches', 0]]);
    expect(storedOn(d)).toEqual([['notification-projections', 1]]);
    expect(documentsPerWorker(structural.stages)).toEqual({ perWorker: 10, perChunk: 3 });
    expect(structural.label).toBe('structural floor: 6 processes, 7 groups, 10 docs/worker, no logic');
  });

  it('only produces onward where the real system does', () => {
    const producing = structural.stages.flatMap((s) => [...s.consumers.flatMap((cons) => cons.inputs.flatMap((i) => i.to)), ...(s.relay?.to ?? [])].map((t) => t.topic));
    expect(producing.sort()).toEqual([b, c, d].sort());
  });
});

describe('the two-hop floor', () => {
  it('is two stages of one document each, as before', () => {
    const floor = floorTopology('two-hop', 'x', { ...base, dbName: 'x_floor' });
    expect(floor.label).toBe('floor: 2 hops, 1 insertMany doc each, no logic');
    expect(floor.stages.map((s) => s.consumers.map((cons) => cons.groupId))).toEqual([['x.floor-1'], ['x.floor-2']]);
    expect(floor.stages.map((s) => s.consumers[0]!.inputs)).toEqual([
      [{ topic: 'bench-floor-a.x', inserts: [{ collection: 'stage1', kind: 'message' }], to: [{ topic: 'bench-floor-b.x' }] }],
      [{ topic: 'bench-floor-b.x', inserts: [{ collection: 'stage2', kind: 'message' }], to: [{ topic: 'bench-floor-c.x' }] }],
    ]);
    expect(documentsPerWorker(floor.stages)).toEqual({ perWorker: 2, perChunk: 0 });
  });
});

describe('undrained', () => {
  const groups = [{ groupId: 'g1', topics: ['a', 'b'] }, { groupId: 'g2', topics: ['b'] }];
  const highs = new Map([['a', 10], ['b', 10]]);

  it('is empty once every topic holds what was sent and every group committed all of it', () => {
    expect(undrained(groups, highs, () => 10, 10)).toEqual([]);
  });

  it('names each group and topic not done', () => {
    expect(undrained(groups, highs, (g, t) => (g === 'g2' || t === 'a' ? 9 : 10), 10)).toEqual(['g1 on a', 'g2 on b']);
  });

  it('is not drained while a topic has not yet received all (a relay still to publish)', () => {
    expect(undrained(groups, new Map([['a', 10], ['b', 4]]), () => 4, 10)).toEqual(['g1 on a', 'g1 on b', 'g2 on b']);
  });
});

describe('BENCH_FLOOR_STRUCTURAL', () => {
  it('is on unless set to 0', () => {
    expect(readBenchEnv({}).BENCH_FLOOR_STRUCTURAL).toBe('1');
    expect(readBenchEnv({ BENCH_FLOOR_STRUCTURAL: '0' }).BENCH_FLOOR_STRUCTURAL).toBe('0');
    expect(readBenchEnv({ BENCH_FLOOR_STRUCTURAL: '' }).BENCH_FLOOR_STRUCTURAL).toBe('1');
    expect(() => readBenchEnv({ BENCH_FLOOR_STRUCTURAL: 'yes' })).toThrow(/BENCH_FLOOR_STRUCTURAL/);
  });
});
