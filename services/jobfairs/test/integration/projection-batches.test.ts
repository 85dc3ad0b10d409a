import { vacanciesTopic, workersTopic, type MatchScored, type TopicDefinition } from '@ketnoi/contracts';
import { buildEvent, type BatchEventHandler, type BatchItem, type BatchItemOutcome } from '@ketnoi/messaging';
import { testDatabase, testLogger } from '@ketnoi/testing';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectOnMatchBatch } from '../../src/consumers/project-on-match-event.js';
import { projectOnVacancyBatch } from '../../src/consumers/project-on-vacancy-event.js';
import { projectOnWorkerBatch } from '../../src/consumers/project-on-worker-event.js';
import { scoredMatchDoc } from '../../src/domain/projection-plan.js';
import { Projections } from '../../src/repositories/projections.js';
import { isTopic, projectionStory, type Chunk } from '../projection-story.js';

/** A chunk of the story as the consumer hands it over: decoded events with their offsets on partition 0. */
interface Delivery {
  chunk: Chunk;
  items: BatchItem<TopicDefinition>[];
}

function deliveries(story: Chunk[]): Delivery[] {
  const next = new Map<string, number>();
  return story.map((chunk) => {
    const items = chunk.inputs.map((input) => {
      const offset = next.get(chunk.topic.name) ?? 0;
      next.set(chunk.topic.name, offset + 1);
      return { event: buildEvent(chunk.topic as TopicDefinition, input as never, '/test'), offset: String(offset), headers: {} };
    });
    return { chunk, items };
  });
}

const log = testLogger();
const COLLECTIONS = ['worker_projection', 'vacancy_projection', 'match_projection'];

/** The batch handler of a chunk's topic, as the consumer subscribes it. */
function handlerOf(projections: Projections, d: Delivery): BatchEventHandler<TopicDefinition> {
  const p = () => projections;
  return (isTopic(d.chunk, workersTopic) ? projectOnWorkerBatch(p) : isTopic(d.chunk, vacanciesTopic) ? projectOnVacancyBatch(p) : projectOnMatchBatch(p)) as unknown as BatchEventHandler<TopicDefinition>;
}

/** The consumer with batches of up to `size` events of a chunk (JOBFAIRS_BATCH_SIZE=0 or 1: batches of one, the baseline). */
async function inBatches(projections: Projections, story: Delivery[], size: number): Promise<BatchItemOutcome[]> {
  const outcomes: BatchItemOutcome[] = [];
  for (const d of story) {
    const handle = handlerOf(projections, d);
    for (let from = 0; from < d.items.length; from += size) {
      const items = d.items.slice(from, from + size);
      const result = await handle(items, { topic: d.chunk.topic.name, partition: 0, attempt: 1, log, heartbeat: async () => {} });
      outcomes.push(...(result ?? items.map(() => 'ok' as const)));
    }
  }
  return outcomes;
}

async function documents(connection: Connection): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of COLLECTIONS) out[name] = await connection.collection(name).find().sort({ _id: 1 }).toArray();
  return out;
}

async function reloaded(connection: Connection) {
  const projections = new Projections(connection);
  await projections.load();
  return projections.state();
}

describe('projections in batches of one and in larger batches', () => {
  const story = deliveries(projectionStory);
  const dbs: Awaited<ReturnType<typeof testDatabase>>[] = [];
  const open = async () => {
    const db = await testDatabase('jobfairs_batches');
    dbs.push(db);
    return db.connection;
  };
  let reference: { connection: Connection; projections: Projections; outcomes: BatchItemOutcome[] };

  beforeAll(async () => {
    const connection = await open();
    const projections = new Projections(connection);
    reference = { connection, projections, outcomes: await inBatches(projections, story, 1) };
  });

  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('tells the story as expected in batches of one (the baseline)', () => {
    const state = reference.projections.state();
    expect(state.workers.map((w) => [w.workerId, w.version, w.status])).toEqual([
      ['worker-s1', 2, 'placed'],
      ['worker-s2', 2, 'looking'],
      ['worker-s3', 3, 'looking'],
    ]);
    expect(state.vacancies.map((v) => [v.vacancyId, v.version, v.title])).toEqual([
      ['vacancy-sa', 2, 'Công nhân lắp ráp điện tử'],
      ['vacancy-sb', 2, 'Thợ hàn bậc 3'],
    ]);
    expect(state.matches.map((m) => [m.matchId, m.score])).toEqual([
      ['vacancy-sa:worker-s1', 0.95],
      ['vacancy-sa:worker-s2', 0.88],
      ['vacancy-sa:worker-s3', 0.75],
      ['vacancy-sb:worker-s2', 0.45],
    ]);
    expect(reference.outcomes.filter((o) => o === 'duplicate')).toHaveLength(7);
  });

  it.each([1, 2, 3, 500])('gives the same projections, outcomes and documents in batches of %i', async (size) => {
    const connection = await open();
    const projections = new Projections(connection);
    expect(await inBatches(projections, story, size)).toEqual(reference.outcomes);
    expect(projections.state()).toEqual(reference.projections.state());
    expect(await documents(connection)).toEqual(await documents(reference.connection));
    expect(await reloaded(connection)).toEqual(reference.projections.state());
  });

  it('changes nothing when a batch comes again, in memory or in the database', async () => {
    const connection = await open();
    const projections = new Projections(connection);
    await inBatches(projections, story, 500);
    const before = await documents(connection);
    const again = [story[0]!, story[2]!, story[4]!];
    expect(await inBatches(projections, again, 500)).toEqual(again.flatMap((d) => d.items.map(() => 'duplicate')));
    expect(projections.state()).toEqual(reference.projections.state());
    expect(await documents(connection)).toEqual(before);
    const restarted = new Projections(connection);
    await restarted.load();
    expect(await inBatches(restarted, again, 500)).toEqual(again.flatMap((d) => d.items.map(() => 'duplicate')));
    expect(await documents(connection)).toEqual(before);
  });

  it('applies a batch once when it is retried after a save that reached the database only in part', async () => {
    const connection = await open();
    const projections = new Projections(connection);
    await inBatches(projections, story.slice(0, 2), 500);
    const matches = story[2]!;
    // What a first try left behind: some of the batch's documents saved (here by another instance), memory unchanged.
    const partial = [matches.items[0]!, matches.items[9]!].map((item) => ({ kind: 'match' as const, partition: 0, doc: scoredMatchDoc(item.event.data as MatchScored, item.offset) }));
    expect(await new Projections(connection).applyBatch(partial)).toEqual(['ok', 'ok']);
    expect(await inBatches(projections, story.slice(2), 500)).toEqual(reference.outcomes.slice(-story.slice(2).flatMap((d) => d.items).length));
    expect(projections.state()).toEqual(reference.projections.state());
    expect(await reloaded(connection)).toEqual(reference.projections.state());
  });
});
