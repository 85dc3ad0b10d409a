import type { Placement, VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import type { Logger } from 'pino';
import { compileVacancy } from '../domain/compile-vacancy.js';
import { compileWorker } from '../domain/compile-worker.js';
import type { WithdrawReason } from '../domain/diff-top-k.js';
import { WORKER_FLAGS } from '../domain/model.js';
import type { ReferenceTables } from '../domain/reference-tables.js';
import type { ListChange, MatchEngine } from '../engine/match-engine.js';
import type { ProjectionStore } from '../repositories/projection-store.js';
import type { MatchAnnouncer } from './match-announcer.js';
import { SerialQueue } from './serial-queue.js';

export type Applied = 'applied' | 'duplicate';

/** A re-match so far: open vacancies to re-score, re-scored, lists changed, events announced. */
export interface RematchProgress {
  vacancies: number;
  done: number;
  changed: number;
  events: number;
}

/** Vacancies re-scored per turn of the queue (~1 s at 1M workers), so events are not held up for long. */
const REMATCH_CHUNK = 100;

const BATCH = 5000;
const outranked = (): WithdrawReason => 'outranked';

/**
 * The use cases behind the consumers: apply a worker, vacancy, erasure or
 * hire to the projections and the engine, once per version, and announce
 * the top-K changes. Versions applied are kept in memory (loaded at start),
 * so a duplicate costs no database read.
 */
export class MatchingService {
  readonly workerVersions = new Map<string, number>();
  readonly vacancyVersions = new Map<string, number>();
  readonly placementVersions = new Map<string, number>();
  private readonly queue = new SerialQueue();
  /** Changes already applied in memory but not yet announced (a publish failed; the retry sends them first). */
  private readonly unannounced: { changes: ListChange[]; reasonFor: (workerId: string) => WithdrawReason }[] = [];

  constructor(
    readonly engine: MatchEngine,
    private readonly tables: ReferenceTables,
    private readonly store: ProjectionStore,
    private readonly announcer: MatchAnnouncer,
  ) {}

  private async announce(changes: ListChange[], reasonFor: (workerId: string) => WithdrawReason): Promise<number> {
    if (changes.length > 0) this.unannounced.push({ changes, reasonFor });
    let events = 0;
    for (let next = this.unannounced[0]; next; next = this.unannounced[0]) {
      events += await this.announcer.announce(next.changes, next.reasonFor);
      this.unannounced.shift();
    }
    return events;
  }

  /** Rebuilds the working set from the service's own collections. */
  async load(log: Logger): Promise<void> {
    const started = performance.now();
    const { config } = this.engine.ctx;
    // Snapshots were validated by the contract when consumed, and only this service writes them.
    for await (const doc of this.store.workers.find({}).lean().cursor({ batchSize: BATCH })) {
      this.workerVersions.set(doc._id, doc.version);
      if (doc.erased || !doc.snapshot) continue;
      this.engine.workers.upsert(compileWorker(doc.snapshot as WorkerSnapshot, this.tables, doc.placed === true));
    }
    for await (const doc of this.store.vacancies.find({}).lean().cursor({ batchSize: BATCH })) {
      this.vacancyVersions.set(doc._id, doc.version);
      this.engine.vacancies.upsert(compileVacancy(doc.snapshot as VacancySnapshot, this.tables, config));
    }
    for await (const doc of this.store.placements.find({}).lean().cursor({ batchSize: BATCH })) this.placementVersions.set(doc._id, doc.version);
    let stale = 0;
    for await (const doc of this.store.matches.find({}).lean().cursor()) {
      if (doc.scoringVersion !== config.version) stale += 1;
      this.engine.restoreList(doc._id, doc.entries.map((e) => ({ id: e.workerId, score: e.score })));
      this.announcer.restore(doc._id, doc.entries.map((e, i) => ({ id: e.workerId, score: e.publishedScore ?? e.score, rank: e.publishedRank ?? i + 1 })));
    }
    const ms = Math.round(performance.now() - started);
    log.info({ workers: this.engine.workers.size, vacancies: this.engine.vacancies.all.size, lists: this.engine.lists.size, ms }, 'matching state loaded');
    if (stale > 0) log.warn({ lists: stale, scoringVersion: config.version }, 'lists scored with another version: POST /v1/rematch');
  }

  applyWorker(snapshot: WorkerSnapshot): Promise<Applied> {
    return this.queue.run(async () => {
      if ((this.workerVersions.get(snapshot.workerId) ?? 0) >= snapshot.version) return 'duplicate';
      const worker = compileWorker(snapshot, this.tables);
      const available = (worker.flags & (WORKER_FLAGS.looking | WORKER_FLAGS.consent | WORKER_FLAGS.placed)) === (WORKER_FLAGS.looking | WORKER_FLAGS.consent);
      const changes = this.engine.upsertWorker(worker);
      await this.announce(changes, (id) => (id === snapshot.workerId && !available ? 'worker-unavailable' : 'outranked'));
      await this.store.saveWorker({ _id: snapshot.workerId, version: snapshot.version, snapshot });
      this.workerVersions.set(snapshot.workerId, snapshot.version);
      return 'applied';
    });
  }

  eraseWorker(workerId: string, version: number): Promise<Applied> {
    return this.queue.run(async () => {
      if ((this.workerVersions.get(workerId) ?? 0) >= version) return 'duplicate';
      const changes = this.engine.removeWorker(workerId);
      await this.announce(changes, (id) => (id === workerId ? 'worker-erased' : 'outranked'));
      await this.store.saveWorker({ _id: workerId, version, erased: true });
      this.workerVersions.set(workerId, version);
      return 'applied';
    });
  }

  applyVacancy(snapshot: VacancySnapshot): Promise<Applied> {
    return this.queue.run(async () => {
      if ((this.vacancyVersions.get(snapshot.vacancyId) ?? 0) >= snapshot.version) return 'duplicate';
      const vacancy = compileVacancy(snapshot, this.tables, this.engine.ctx.config);
      const changes = this.engine.upsertVacancy(vacancy);
      await this.announce(changes, vacancy.open ? outranked : () => 'vacancy-closed');
      await this.store.saveVacancy({ _id: snapshot.vacancyId, version: snapshot.version, snapshot });
      this.vacancyVersions.set(snapshot.vacancyId, snapshot.version);
      return 'applied';
    });
  }

  /** A hire: the worker is out of matching until their profile moves on to a newer version. */
  applyPlacement(placement: Placement): Promise<Applied> {
    return this.queue.run(async () => {
      if ((this.placementVersions.get(placement.placementId) ?? 0) >= placement.version) return 'duplicate';
      const worker = this.engine.workers.get(placement.workerId);
      const newlyPlaced = worker !== undefined && (worker.flags & WORKER_FLAGS.placed) === 0;
      const changes = newlyPlaced ? this.engine.upsertWorker({ ...worker, flags: worker.flags | WORKER_FLAGS.placed }) : [];
      await this.announce(changes, (id) => (id === placement.workerId ? 'placed' : 'outranked'));
      const doc = worker ? await this.store.workers.findById(placement.workerId).lean() : null;
      if (doc && !doc.placed) await this.store.saveWorker({ ...doc, placed: true });
      await this.store.savePlacement({ _id: placement.placementId, version: placement.version });
      this.placementVersions.set(placement.placementId, placement.version);
      return 'applied';
    });
  }

  /**
   * Re-scores every open vacancy with the current config and ages counted
   * in `asOfMonth`, a chunk of vacancies at a time, so that events go on
   * being applied in between (each chunk is one turn of the queue). Lists
   * are diffed and only the changes announced (withdrawals: `rescored`).
   * `cancelled` is checked between chunks (the service is closing).
   */
  async rematch(asOfMonth: number, progress: (p: RematchProgress) => void = () => {}, cancelled: () => boolean = () => false): Promise<RematchProgress> {
    const ids = await this.queue.run(async () => {
      this.engine.ctx = { ...this.engine.ctx, asOfMonth };
      return [...this.engine.vacancies.open()].map((v) => v.id);
    });
    const total: RematchProgress = { vacancies: ids.length, done: 0, changed: 0, events: 0 };
    for (let i = 0; i < ids.length && !cancelled(); i += REMATCH_CHUNK) {
      const chunk = ids.slice(i, i + REMATCH_CHUNK);
      await this.queue.run(async () => {
        const changes = this.engine.requery(chunk);
        total.events += await this.announce(changes, () => 'rescored');
        total.changed += changes.length;
        total.done += chunk.length;
      });
      progress({ ...total });
    }
    return total;
  }
}
