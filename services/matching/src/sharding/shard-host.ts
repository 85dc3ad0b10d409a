import type { VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import type { EventPublisher } from '@ketnoi/messaging';
import type { Logger } from 'pino';
import { compileVacancy } from '../domain/compile-vacancy.js';
import { compileWorker } from '../domain/compile-worker.js';
import { explain } from '../domain/explain.js';
import type { ReferenceTables } from '../domain/reference-tables.js';
import type { ScoringContext } from '../domain/scoring-context.js';
import { MatchEngine } from '../engine/match-engine.js';
import type { ProjectionStore } from '../repositories/projection-store.js';
import type { ShardStore } from '../repositories/shard-store.js';
import { applyEvent, type Applied } from '../use-cases/apply-event.js';
import type { MatchingEvent } from '../use-cases/matching-event.js';
import { OwedWrites } from '../use-cases/owed-writes.js';
import { SerialQueue } from '../use-cases/serial-queue.js';
import { TouchedLists } from '../use-cases/touched-lists.js';
import { VersionsSeen } from '../use-cases/versions-seen.js';
import { shardListsTopic, type ShardListData } from './topics.js';

/** One shard in memory: its workers, its own view of the vacancies, and where in its input it stands. */
interface Shard {
  id: number;
  epoch: number;
  engine: MatchEngine;
  workerVersions: Map<string, number>;
  vacancyVersions: Map<string, number>;
  placementVersions: Map<string, number>;
  /** The next shard-input offset it expects; anything else means another instance had the shard meanwhile. */
  next: number;
}

/**
 * The shards (partitions of matching.shard-input.v1) this instance was
 * given. A shard is built from the collections when its first batch comes,
 * or whenever a batch does not start where the last one ended (the shard
 * was elsewhere meanwhile, or a batch failed half-applied): each build takes
 * a new epoch and publishes the shard's list of every vacancy it knows, so
 * the merge stage replaces whatever an earlier owner said. Then per batch:
 * apply in memory, publish the changed shard lists, write the documents.
 */
export class ShardHost {
  private readonly shards = new Map<number, Shard>();
  private readonly queue = new SerialQueue();

  constructor(
    private readonly ctx: () => ScoringContext,
    private readonly tables: ReferenceTables,
    private readonly projections: ProjectionStore,
    private readonly store: ShardStore,
    private readonly publisher: EventPublisher,
    private readonly log: Logger,
  ) {}

  /** The shards built here so far (some may since have moved to another instance). */
  get built(): number[] {
    return [...this.shards.keys()];
  }

  applyBatch(shardId: number, offsets: readonly string[], events: readonly MatchingEvent[]): Promise<Applied[]> {
    return this.queue.run(async () => {
      const first = Number(offsets[0]);
      const last = Number(offsets[offsets.length - 1]);
      const held = this.shards.get(shardId);
      const shard = held && held.next === first ? held : await this.build(shardId, first - 1);
      try {
        return await this.apply(shard, last, events);
      } catch (error) {
        // Half-applied: the retry rebuilds the shard from what was written.
        this.shards.delete(shardId);
        throw error;
      }
    });
  }

  private async apply(shard: Shard, last: number, events: readonly MatchingEvent[]): Promise<Applied[]> {
    const seen = {
      workers: new VersionsSeen(shard.workerVersions),
      vacancies: new VersionsSeen(shard.vacancyVersions),
      placements: new VersionsSeen(shard.placementVersions),
    };
    const touched = new TouchedLists();
    const owed = new OwedWrites();
    const outcomes = events.map((event) => applyEvent({ engine: shard.engine, tables: this.tables, seen, touched, owed }, event));
    await this.publish(shard, [...touched.vacancyIds()], last, touched);
    const workers = [...owed.workers.values()].map((write) => ('doc' in write ? { doc: { ...write.doc, shard: shard.id } } : write));
    await this.projections.saveWorkers(workers, (id) => !shard.workerVersions.has(id));
    await this.store.saveVacancies([...owed.vacancies.values()].map((doc) => ({ ...doc, _id: `${shard.id}:${doc._id}`, shard: shard.id, vacancyId: doc._id })));
    const placements = [...owed.placements.values()].map((doc) => ({ ...doc, shard: shard.id }));
    await this.projections.savePlacements(placements, (id) => !shard.placementVersions.has(id));
    seen.workers.commit();
    seen.vacancies.commit();
    seen.placements.commit();
    shard.next = last + 1;
    return outcomes;
  }

  /** Publishes the shard's list of each vacancy, with the factors of each entry and who left it. */
  private async publish(shard: Shard, vacancyIds: readonly string[], offset: number, touched?: TouchedLists): Promise<void> {
    const { engine } = shard;
    const lists = vacancyIds.map((vacancyId): ShardListData => {
      const vacancy = engine.vacancies.get(vacancyId);
      const after = engine.topOfVacancy(vacancyId);
      const entries = after.flatMap((entry) => {
        const worker = engine.workers.get(entry.id);
        if (!worker || !vacancy) return [];
        const { factors, boost } = explain(engine.ctx, worker, vacancy);
        return [{ workerId: entry.id, score: entry.score, factors, boost }];
      });
      return { vacancyId, shard: shard.id, epoch: shard.epoch, offset, entries, left: touched?.leftOf(vacancyId, after) ?? [] };
    });
    for (let i = 0; i < lists.length; i += 500) {
      const chunk = lists.slice(i, i + 500);
      await this.publisher.publish(shardListsTopic, chunk.map((data) => ({ type: 'shard-list.changed' as const, subject: data.vacancyId, data })));
    }
  }

  /** Builds a shard from the collections, as of shard-input offset `offset` (or later: versions make the replay a no-op). */
  private async build(id: number, offset: number): Promise<Shard> {
    const started = performance.now();
    const epoch = await this.store.nextEpoch(id);
    const engine = new MatchEngine(this.ctx());
    const shard: Shard = { id, epoch, engine, workerVersions: new Map(), vacancyVersions: new Map(), placementVersions: new Map(), next: offset + 1 };
    for await (const doc of this.projections.workers.find({ shard: id }).lean().cursor({ batchSize: 5000 })) {
      shard.workerVersions.set(doc._id, doc.version);
      if (!doc.erased && doc.snapshot) engine.workers.upsert(compileWorker(doc.snapshot as WorkerSnapshot, this.tables, doc.placed === true));
    }
    for await (const doc of this.projections.placements.find({ shard: id }).lean().cursor({ batchSize: 5000 })) shard.placementVersions.set(doc._id, doc.version);
    for await (const doc of this.store.vacancies.find({ shard: id }).lean().cursor({ batchSize: 5000 })) {
      shard.vacancyVersions.set(doc.vacancyId, doc.version);
      engine.upsertVacancy(compileVacancy(doc.snapshot as VacancySnapshot, this.tables, engine.ctx.config));
    }
    await this.publish(shard, [...shard.vacancyVersions.keys()], offset);
    this.shards.set(id, shard);
    this.log.info({ shard: id, epoch, workers: engine.workers.size, vacancies: shard.vacancyVersions.size, ms: Math.round(performance.now() - started) }, 'shard built');
    return shard;
  }
}
