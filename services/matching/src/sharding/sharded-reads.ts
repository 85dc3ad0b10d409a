import type { VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import { compileVacancy } from '../domain/compile-vacancy.js';
import { compileWorker } from '../domain/compile-worker.js';
import { explain } from '../domain/explain.js';
import type { MatchWorker } from '../domain/model.js';
import type { ReferenceTables } from '../domain/reference-tables.js';
import { VacancyIndex } from '../index/vacancy-index.js';
import { topVacancies } from '../index/worker-query.js';
import type { ProjectionStore } from '../repositories/projection-store.js';
import type { ShardStore } from '../repositories/shard-store.js';
import type { MatchReads, PairExplanation, VacancyList, WorkerMatch } from '../use-cases/match-reads.js';
import type { ShardHost } from './shard-host.js';
import { ShardListMerge } from './shard-lists.js';
import { partitionOfKey } from './shard-router.js';
import { shardInputTopic, type ShardListData } from './topics.js';

type Entry = ShardListData['entries'][number] & { id: string };

/**
 * The HTTP reads in sharded mode, on any instance, whether or not it holds
 * the shards concerned: a vacancy's list is the merge stage's (`merged`),
 * a worker and a vacancy are read from the projections by `_id` and scored
 * with the domain functions; a worker's best vacancies are queried over the
 * vacancies of a shard held here (the worker's own if held), or, with none
 * held, over the worker's shard's view read from `shard_vacancies`.
 */
export class ShardedReads implements MatchReads {
  private readonly shards = shardInputTopic.partitions;

  constructor(
    private readonly host: ShardHost,
    private readonly tables: ReferenceTables,
    private readonly projections: ProjectionStore,
    private readonly store: ShardStore,
  ) {}

  async vacancyList(vacancyId: string): Promise<VacancyList | undefined> {
    const [view] = await this.store.vacancyViews(vacancyId, this.shards);
    if (!view) return undefined;
    const list = await this.mergedList(vacancyId);
    return {
      employerId: (view.snapshot as VacancySnapshot).employerId,
      total: list.length,
      page: async (offset, limit) => {
        const entries = list.slice(offset, offset + limit);
        const workers = await Promise.all(entries.map((entry) => this.worker(entry.workerId)));
        return entries.flatMap((entry, i) => {
          const worker = workers[i];
          return worker ? [{ worker, rank: offset + i + 1, score: entry.score, factors: entry.factors, boost: entry.boost }] : [];
        });
      },
    };
  }

  async workerMatches(workerId: string): Promise<WorkerMatch[] | undefined> {
    const worker = await this.worker(workerId);
    if (!worker) return undefined;
    const ctx = this.host.context;
    const vacancies = this.host.vacancies(this.shardOf(workerId)) ?? (await this.vacanciesOf(this.shardOf(workerId)));
    return topVacancies(ctx, vacancies, worker, ctx.config.kPerWorker).flatMap((entry) => {
      const vacancy = vacancies.get(entry.id);
      return vacancy ? [{ vacancyId: entry.id, score: entry.score, factors: explain(ctx, worker, vacancy).factors }] : [];
    });
  }

  async explainPair(workerId: string, vacancyId: string): Promise<PairExplanation> {
    const [worker, [view]] = await Promise.all([this.worker(workerId), this.store.vacancyViews(vacancyId, this.shards)]);
    if (!worker) return { missing: 'worker' };
    if (!view) return { missing: 'vacancy' };
    const ctx = this.host.context;
    const vacancy = compileVacancy(view.snapshot as VacancySnapshot, this.tables, ctx.config);
    const rank = (await this.mergedList(vacancyId)).findIndex((entry) => entry.workerId === workerId);
    return { ...explain(ctx, worker, vacancy), rank: rank >= 0 ? rank + 1 : null };
  }

  private shardOf(workerId: string): number {
    return partitionOfKey(workerId, this.shards);
  }

  /** The vacancy's top-K as the merge stage last saved it: the best K of each shard's newest list. */
  private async mergedList(vacancyId: string): Promise<Entry[]> {
    const doc = await this.store.merged.findById(vacancyId).lean();
    const merge = new ShardListMerge<Entry>();
    for (const list of doc?.lists ?? []) merge.offer({ ...list, entries: list.entries.map((entry) => ({ ...entry, id: entry.workerId })) });
    return merge.top(this.host.context.config.kPerVacancy);
  }

  /** A worker as last applied (none once erased), compiled as a shard holds them. */
  private async worker(workerId: string): Promise<MatchWorker | undefined> {
    const doc = await this.projections.workerDoc(workerId);
    if (!doc || doc.erased || !doc.snapshot) return undefined;
    return compileWorker(doc.snapshot as WorkerSnapshot, this.tables, doc.placed === true);
  }

  /** A shard's view of the vacancies, from its collection (a scan: only when this instance holds no shard). */
  private async vacanciesOf(shard: number): Promise<VacancyIndex> {
    const index = new VacancyIndex();
    const { config } = this.host.context;
    for await (const doc of this.store.vacancyDocs(shard)) {
      index.upsert(compileVacancy(doc.snapshot as VacancySnapshot, this.tables, config));
    }
    return index;
  }
}
