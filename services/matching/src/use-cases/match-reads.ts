import type { MatchScored } from '@ketnoi/contracts';
import { explain, type Explanation } from '../domain/explain.js';
import type { MatchWorker } from '../domain/model.js';
import type { MatchEngine } from '../engine/match-engine.js';

/** A candidate on a page of a vacancy's list: the worker as matching knows them, with the factors of the pair. */
export interface Candidate {
  worker: MatchWorker;
  rank: number;
  score: number;
  factors: MatchScored['factors'];
  boost: MatchScored['boost'];
}

export interface VacancyList {
  employerId: string;
  /** Entries in the top-K. */
  total: number;
  /** Ranks offset + 1 … offset + limit (a worker gone meanwhile is left out). */
  page(offset: number, limit: number): Promise<Candidate[]>;
}

export interface WorkerMatch {
  vacancyId: string;
  score: number;
  factors: MatchScored['factors'];
}

export type PairExplanation = (Explanation & { rank: number | null }) | { missing: 'worker' | 'vacancy' };

/** What the HTTP reads need, whether one instance holds everything (engine) or the state is sharded (collections). */
export interface MatchReads {
  vacancyList(vacancyId: string): Promise<VacancyList | undefined>;
  /** The worker's best open vacancies, computed exactly; undefined for an unknown worker. */
  workerMatches(workerId: string): Promise<WorkerMatch[] | undefined>;
  explainPair(workerId: string, vacancyId: string): Promise<PairExplanation>;
}

/** Reads from the one engine that holds every worker and vacancy (the default mode). */
export class EngineReads implements MatchReads {
  constructor(private readonly engine: () => MatchEngine) {}

  async vacancyList(vacancyId: string): Promise<VacancyList | undefined> {
    const engine = this.engine();
    const vacancy = engine.vacancies.get(vacancyId);
    if (!vacancy) return undefined;
    const list = engine.topOfVacancy(vacancyId);
    return {
      employerId: vacancy.employerId,
      total: list.length,
      page: async (offset, limit) =>
        list.slice(offset, offset + limit).flatMap((entry, i) => {
          const worker = engine.workers.get(entry.id);
          if (!worker) return [];
          const { factors, boost } = explain(engine.ctx, worker, vacancy);
          return [{ worker, rank: offset + i + 1, score: entry.score, factors, boost }];
        }),
    };
  }

  async workerMatches(workerId: string): Promise<WorkerMatch[] | undefined> {
    const engine = this.engine();
    const worker = engine.workers.get(workerId);
    if (!worker) return undefined;
    return engine.topOfWorker(workerId).flatMap((entry) => {
      const vacancy = engine.vacancies.get(entry.id);
      return vacancy ? [{ vacancyId: entry.id, score: entry.score, factors: explain(engine.ctx, worker, vacancy).factors }] : [];
    });
  }

  async explainPair(workerId: string, vacancyId: string): Promise<PairExplanation> {
    const engine = this.engine();
    const worker = engine.workers.get(workerId);
    const vacancy = engine.vacancies.get(vacancyId);
    if (!worker) return { missing: 'worker' };
    if (!vacancy) return { missing: 'vacancy' };
    const rank = engine.topOfVacancy(vacancyId).findIndex((entry) => entry.id === workerId);
    return { ...explain(engine.ctx, worker, vacancy), rank: rank >= 0 ? rank + 1 : null };
  }
}
