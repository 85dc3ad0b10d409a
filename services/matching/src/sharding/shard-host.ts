import type { VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import { unavailable } from '@ketnoi/errors';
import type { EventPublisher } from '@ketnoi/messaging';
import type { Logger } from 'pino';
import { compileVacancy } from '../domain/compile-vacancy.js';
import { compileWorker } from '../domain/compile-worker.js';
import { explain } from '../domain/explain.js';
import type { ReferenceTables } from '../domain/reference-tables.js';
import type { MatchWorker } from '../domain/model.js';
import type { ScoringContext } from '../domain/scoring-context.js';
import { MatchEngine } from '../engine/match-engine.js';
import type { VacancyIndex } from '../index/vacancy-index.js';
import type { ProjectionStore } from '../repositories/projection-store.js';
import type { RematchShardDoc, ShardStore } from '../repositories/shard-store.js';
import { applyEvent, type Applied } from '../use-cases/apply-event.js';
import type { MatchingEvent } from '../use-cases/matching-event.js';
import { OwedWrites } from '../use-cases/owed-writes.js';
import { SerialQueue } from '../use-cases/serial-queue.js';
import { TouchedLists } from '../use-cases/touched-lists.js';
import { VersionsSeen } from '../use-cases/versions-seen.js';
import { shardListsTopic, type ShardListData } from './topics.js';

/** Vacancies re-scored per turn of the queue, as one instance does. */
const REMATCH_CHUNK = 100;

export interface RematchRequest {
  jobId: string;
  asOfMonth: number;
}

/** One shard in memory: its workers, its own view of the vacancies, and where in its input it stands. */
interface Shard {
  id: number;
  epoch: number;
  engine: MatchEngine;
  workerVersions: Map<string, number>;
  vacancyVersions: Map<string, number>;
  placementVersions: Map<string, number>;
  /** Hires of the shard's workers not seen yet (`ApplyState.hiredUnseen`). */
  hiredUnseen: Set<string>;
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
  /** The shards the latest rebalance gave this instance (unknown before the first). */
  private assigned: ReadonlySet<number> | undefined;
  /** The month ages are counted in, once a re-match set it (new builds use it too). */
  private asOfMonth: number | undefined;
  private readonly rematches = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly ctx: () => ScoringContext,
    private readonly tables: ReferenceTables,
    private readonly projections: ProjectionStore,
    private readonly store: ShardStore,
    private readonly publisher: EventPublisher,
    private readonly log: Logger,
  ) {}

  /** The shards held in memory here (a revoked one is freed at once). */
  get built(): number[] {
    return [...this.shards.keys()];
  }

  /** The scoring context of new builds and of reads. */
  get context(): ScoringContext {
    const ctx = this.ctx();
    return this.asOfMonth === undefined ? ctx : { ...ctx, asOfMonth: this.asOfMonth };
  }

  /** The open vacancies as a shard held here sees them (`preferred` if held), or undefined when none is. */
  vacancies(preferred: number): VacancyIndex | undefined {
    return (this.shards.get(preferred) ?? this.shards.values().next().value)?.engine.vacancies;
  }

  /**
   * A rebalance gave this instance these shards: the others are freed (after
   * any batch of theirs in hand). A batch of a shard not given here is then
   * late, from before the rebalance, and is refused (retriable) rather than
   * built: a build would take an epoch above the new owner's.
   */
  assign(shards: readonly number[]): Promise<void> {
    this.assigned = new Set(shards);
    return this.queue.run(async () => {
      for (const id of this.built) {
        if (this.assigned?.has(id)) continue;
        this.shards.delete(id);
        this.log.info({ shard: id }, 'shard revoked: freed');
      }
    });
  }

  applyBatch(shardId: number, offsets: readonly string[], events: readonly MatchingEvent[]): Promise<Applied[]> {
    return this.queue.run(async () => {
      const first = Number(offsets[0]);
      const last = Number(offsets[offsets.length - 1]);
      const shard = await this.positioned(shardId, first);
      try {
        return await this.apply(shard, last, events);
      } catch (error) {
        // Half-applied: the retry rebuilds the shard from what was written.
        this.shards.delete(shardId);
        throw error;
      }
    });
  }

  /** The shard, ready for input from `offset`: held and where it stopped, or (re)built. */
  private async positioned(shardId: number, offset: number): Promise<Shard> {
    if (this.assigned && !this.assigned.has(shardId)) throw unavailable('Shard not assigned to this instance (a batch from before a rebalance)', { details: { shard: shardId } });
    const held = this.shards.get(shardId);
    return held && held.next === offset ? held : this.build(shardId, offset - 1);
  }

  /**
   * A re-match request read at `offset` of the shard's input: the shard
   * counts ages in the request's month from now on and re-scores its open
   * vacancies in the background, a chunk per turn of the queue (so its
   * events go on being applied), publishing only the lists that changed
   * (leavers: `rescored`); the merge stage announces the difference.
   * Progress goes to `rematch_shards`. Resolves once the request is taken.
   */
  requestRematch(shardId: number, offset: number, request: RematchRequest): Promise<void> {
    return this.queue.run(async () => {
      const shard = await this.positioned(shardId, offset);
      this.asOfMonth = request.asOfMonth;
      shard.engine.ctx = { ...shard.engine.ctx, asOfMonth: request.asOfMonth };
      shard.next = offset + 1;
      const ids = [...shard.engine.vacancies.open()].map((v) => v.id);
      const running: Promise<void> = this.rescore(shard, ids, request.jobId).finally(() => this.rematches.delete(running));
      this.rematches.add(running);
    });
  }

  private async rescore(shard: Shard, ids: readonly string[], jobId: string): Promise<void> {
    const progress = { jobId, shard: shard.id, vacancies: ids.length, done: 0, changed: 0, events: 0 };
    const save = (state: RematchShardDoc['state']) => this.store.saveRematch({ ...progress, state });
    try {
      await save('running');
      while (progress.done < ids.length && !this.closing) {
        await this.queue.run(() => this.rescoreChunk(shard, ids.slice(progress.done, progress.done + REMATCH_CHUNK), progress));
        await save('running');
      }
      await save(progress.done === ids.length ? 'done' : 'cancelled');
    } catch (error) {
      this.log.error({ err: error, shard: shard.id, jobId }, 'shard rematch failed');
      await save('failed').catch(() => {});
    }
  }

  private async rescoreChunk(shard: Shard, chunk: readonly string[], progress: { done: number; changed: number; events: number }): Promise<void> {
    if (this.shards.get(shard.id) !== shard) {
      // Rebuilt or moved meanwhile: a build re-queries every open vacancy, so nothing is left to re-score here.
      progress.done += chunk.length;
      return;
    }
    const touched = new TouchedLists();
    touched.add(shard.engine.requery(chunk), () => 'rescored');
    const vacancyIds = [...touched.vacancyIds()];
    try {
      await this.publish(shard, vacancyIds, shard.next - 1, touched);
    } catch (error) {
      // Re-scored in memory but not published: the next batch rebuilds the shard.
      this.shards.delete(shard.id);
      throw error;
    }
    progress.done += chunk.length;
    progress.changed += vacancyIds.length;
    progress.events += vacancyIds.length;
  }

  /** Stops re-matches after their current chunk (the service is closing). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.rematches);
  }

  private async apply(shard: Shard, last: number, events: readonly MatchingEvent[]): Promise<Applied[]> {
    const seen = {
      workers: new VersionsSeen(shard.workerVersions),
      vacancies: new VersionsSeen(shard.vacancyVersions),
      placements: new VersionsSeen(shard.placementVersions),
    };
    const touched = new TouchedLists();
    const owed = new OwedWrites();
    const outcomes = events.map((event) => applyEvent({ engine: shard.engine, tables: this.tables, seen, touched, owed, hiredUnseen: shard.hiredUnseen }, event));
    await this.publish(shard, [...touched.vacancyIds()], last, touched);
    const workers = [...owed.workers.values()].map((write) => ('doc' in write ? { doc: { ...write.doc, shard: shard.id } } : { ...write, shard: shard.id }));
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
    const engine = new MatchEngine(this.context);
    const shard: Shard = { id, epoch, engine, workerVersions: new Map(), vacancyVersions: new Map(), placementVersions: new Map(), hiredUnseen: new Set(), next: offset + 1 };
    const workers: MatchWorker[] = [];
    for await (const doc of this.projections.workerDocs({ shard: id })) {
      if (doc.version === undefined) {
        shard.hiredUnseen.add(doc._id); // a hire's mark, the worker not seen yet
        continue;
      }
      shard.workerVersions.set(doc._id, doc.version);
      if (!doc.erased && doc.snapshot) workers.push(compileWorker(doc.snapshot as WorkerSnapshot, this.tables, doc.placed === true));
    }
    engine.workers.upsertMany(workers);
    for await (const doc of this.projections.placementDocs({ shard: id })) shard.placementVersions.set(doc._id, doc.version);
    for await (const doc of this.store.vacancyDocs(id)) {
      shard.vacancyVersions.set(doc.vacancyId, doc.version);
      engine.upsertVacancy(compileVacancy(doc.snapshot as VacancySnapshot, this.tables, engine.ctx.config));
    }
    await this.publish(shard, [...shard.vacancyVersions.keys()], offset);
    this.shards.set(id, shard);
    this.log.info({ shard: id, epoch, workers: engine.workers.size, vacancies: shard.vacancyVersions.size, ms: Math.round(performance.now() - started) }, 'shard built');
    return shard;
  }
}
