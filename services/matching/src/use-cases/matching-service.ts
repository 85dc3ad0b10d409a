import type { Placement, VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import type { Logger } from 'pino';
import { compileVacancy } from '../domain/compile-vacancy.js';
import { compileWorker } from '../domain/compile-worker.js';
import type { ReferenceTables } from '../domain/reference-tables.js';
import type { MatchVacancy, MatchWorker } from '../domain/model.js';
import type { MatchEngine } from '../engine/match-engine.js';
import { outboxId } from '../repositories/outbox-id.js';
import type { OutboxRecord, ProjectionStore } from '../repositories/projection-store.js';
import { applyEvent, type Applied } from './apply-event.js';
import { BatchOutbox } from './batch-outbox.js';
import type { MatchAnnouncer } from './match-announcer.js';
import type { MatchingEvent } from './matching-event.js';
import { OwedWrites } from './owed-writes.js';
import { SerialQueue } from './serial-queue.js';
import { TouchedLists } from './touched-lists.js';
import { VersionsSeen } from './versions-seen.js';

export type { Applied } from './apply-event.js';

/** A re-match so far: open vacancies to re-score, re-scored, lists changed, events announced. */
export interface RematchProgress {
  vacancies: number;
  done: number;
  changed: number;
  events: number;
}

/** Vacancies re-scored per turn of the queue (~1 s at 1M workers), so events are not held up for long. */
const REMATCH_CHUNK = 100;

/**
 * The use cases behind the consumers: apply a batch of worker, vacancy,
 * erasure and hire events to the engine, once per version, then make the
 * batch durable (`flush`: record, publish the top-K changes coalesced over
 * the batch, save the changed lists, save the projections) and only then
 * count its versions as applied. Whatever a failed step leaves is owed and
 * done first by the next attempt. Versions applied are kept in memory
 * (loaded at start), so a duplicate costs no database read.
 */
export class MatchingService {
  readonly workerVersions = new Map<string, number>();
  readonly vacancyVersions = new Map<string, number>();
  readonly placementVersions = new Map<string, number>();
  /** Hires of workers not seen yet (`ApplyState.hiredUnseen`). */
  readonly hiredUnseen = new Set<string>();
  private readonly queue = new SerialQueue();
  /** Lists changed in memory and not yet announced. */
  private readonly touched = new TouchedLists();
  private readonly owed = new OwedWrites();
  private readonly outbox: BatchOutbox<OutboxRecord>;

  constructor(
    readonly engine: MatchEngine,
    readonly tables: ReferenceTables,
    readonly store: ProjectionStore,
    private readonly announcer: MatchAnnouncer,
  ) {
    this.outbox = new BatchOutbox(
      { record: (record) => store.record(outboxId(), record), recorded: () => store.recorded(), forgetAll: () => store.forgetAll() },
      { resend: (events) => announcer.resend(events), save: (record) => store.saveMatchLists(record.lists) },
    );
  }

  /** Applies events in order (one turn of the queue) and makes them durable; one outcome per event. */
  applyBatch(events: readonly MatchingEvent[]): Promise<Applied[]> {
    return this.queue.run(async () => {
      const seen = {
        workers: new VersionsSeen(this.workerVersions),
        vacancies: new VersionsSeen(this.vacancyVersions),
        placements: new VersionsSeen(this.placementVersions),
      };
      const state = { engine: this.engine, tables: this.tables, seen, touched: this.touched, owed: this.owed, hiredUnseen: this.hiredUnseen };
      const outcomes = events.map((event) => applyEvent(state, event));
      await this.flush();
      seen.workers.commit();
      seen.vacancies.commit();
      seen.placements.commit();
      return outcomes;
    });
  }

  applyWorker(snapshot: WorkerSnapshot): Promise<Applied> {
    return this.applyOne({ kind: 'worker', snapshot });
  }

  eraseWorker(workerId: string, version: number): Promise<Applied> {
    return this.applyOne({ kind: 'worker-erased', workerId, version });
  }

  applyVacancy(snapshot: VacancySnapshot): Promise<Applied> {
    return this.applyOne({ kind: 'vacancy', snapshot });
  }

  /** A hire: the worker is out of matching until their profile moves on to a newer version. */
  applyPlacement(placement: Placement): Promise<Applied> {
    return this.applyOne({ kind: 'placement', placement });
  }

  private async applyOne(event: MatchingEvent): Promise<Applied> {
    const [outcome] = await this.applyBatch([event]);
    return outcome!;
  }

  /**
   * Makes what is in memory durable, in an order that loses nothing and
   * repeats nothing: the batch's events and resulting lists are recorded in
   * one outbox document (one insert); then the events are sent, the lists
   * saved, the projections saved, and the outbox dropped, after which the
   * batch's versions count. A crash after the record: the restart
   * sends the recorded events again with the same ids and saves the
   * recorded lists, so the re-applied batch finds nothing new to announce.
   * A crash before it: nothing was sent, and the batch is applied again.
   * Each step's work leaves `owed` only once done. Returns the number of
   * events planned.
   */
  private async flush(): Promise<number> {
    const events = this.announcer.plan(this.touched);
    const { owed } = this;
    owed.unrecorded += events;
    for (const vacancyId of this.touched.vacancyIds()) owed.lists.add(vacancyId);
    this.touched.clear();
    const record = owed.unrecorded > 0 ? { events: this.announcer.planned(owed.unrecorded), lists: this.announcer.listDocs(owed.lists) } : undefined;
    await this.outbox.write(record, {
      send: async () => {
        owed.unrecorded = 0;
        await this.announcer.send();
      },
      save: () => this.saveOwed(),
    });
    return events;
  }

  /** The changed lists, then the projections, each in one round trip; each leaves `owed` once written. */
  private async saveOwed(): Promise<void> {
    const { owed } = this;
    await this.announcer.save(owed.lists);
    owed.lists.clear();
    await this.store.saveWorkers([...owed.workers.values()], (id) => !this.workerVersions.has(id));
    owed.workers.clear();
    await this.store.saveVacancies([...owed.vacancies.values()], (id) => !this.vacancyVersions.has(id));
    owed.vacancies.clear();
    await this.store.savePlacements([...owed.placements.values()], (id) => !this.placementVersions.has(id));
    owed.placements.clear();
  }

  /** Finishes batches cut short after their outbox record: their events sent (same ids), their lists saved. */
  private async recover(log: Logger): Promise<void> {
    const { batches, events } = await this.outbox.finishCut();
    if (batches > 0) log.warn({ batches, events }, 'batches cut short finished: recorded events sent again');
  }

  /** Rebuilds the working set from the service's own collections. */
  async load(log: Logger): Promise<void> {
    const started = performance.now();
    await this.recover(log);
    const { config } = this.engine.ctx;
    // Snapshots were validated by the contract when consumed, and only this service writes them.
    const workers: MatchWorker[] = [];
    for await (const doc of this.store.workerDocs()) {
      if (doc.version === undefined) {
        this.hiredUnseen.add(doc._id); // a hire's mark, the worker not seen yet
        continue;
      }
      this.workerVersions.set(doc._id, doc.version);
      if (doc.erased || !doc.snapshot) continue;
      workers.push(compileWorker(doc.snapshot as WorkerSnapshot, this.tables, doc.placed === true));
    }
    this.engine.workers.upsertMany(workers);
    workers.length = 0;
    const vacancies: MatchVacancy[] = [];
    for await (const doc of this.store.vacancyDocs()) {
      this.vacancyVersions.set(doc._id, doc.version);
      vacancies.push(compileVacancy(doc.snapshot as VacancySnapshot, this.tables, config));
    }
    this.engine.vacancies.upsertMany(vacancies);
    for await (const doc of this.store.placementDocs()) this.placementVersions.set(doc._id, doc.version);
    let stale = 0;
    for await (const doc of this.store.matchLists()) {
      if (doc.scoringVersion !== config.version) stale += 1;
      this.engine.restoreList(doc._id, doc.entries.map((e) => ({ id: e.workerId, score: e.score })));
      this.announcer.restore(doc._id, doc.entries.map((e, i) => ({ id: e.workerId, score: e.publishedScore ?? e.score, rank: e.publishedRank ?? i + 1 })));
    }
    const ms = Math.round(performance.now() - started);
    log.info({ workers: this.engine.workers.size, vacancies: this.engine.vacancies.all.size, lists: this.engine.lists.size, ms }, 'matching state loaded');
    if (stale > 0) log.warn({ lists: stale, scoringVersion: config.version }, 'lists scored with another version: POST /v1/rematch');
  }

  outlook(): { scoringVersion: string; vacancies: number } {
    return { scoringVersion: this.engine.ctx.config.version, vacancies: this.engine.vacancies.openSize };
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
        this.touched.add(changes, () => 'rescored');
        total.events += await this.flush();
        total.changed += changes.length;
        total.done += chunk.length;
      });
      progress({ ...total });
    }
    return total;
  }
}
