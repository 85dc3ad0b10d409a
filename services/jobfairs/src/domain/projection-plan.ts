import type { MatchScored, matchWithdrawn, VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import type { z } from 'zod';
import type { PriorityGroups } from './model.js';
import type { MatchView } from './ranking.js';

type MatchWithdrawn = z.infer<typeof matchWithdrawn>;

/** What the fairs need of a worker (from workers.v1): no personal data. */
export interface WorkerView {
  workerId: string;
  version: number;
  status: WorkerSnapshot['status'];
  consentToMatching: boolean;
  priority: PriorityGroups;
  /** Shown to a booth's employer only after the worker agreed to share. */
  profile: {
    qualification: WorkerSnapshot['qualification'];
    experienceYears: number;
    communeCode: string;
    desiredOccupations: string[];
    skills: string[];
    languages: WorkerSnapshot['languages'];
  };
}

export interface VacancyView {
  vacancyId: string;
  version: number;
  employerId: string;
  title: string;
  status: VacancySnapshot['status'];
}

export interface MatchDoc extends MatchView {
  vacancyId: string;
  workerId: string;
  at: string;
  /** Where the event was on its partition: orders two events of one pair with the same `at`. */
  seq: number;
  withdrawn?: boolean;
}

/** A projection document to insert: a worker or vacancy version (`<id>:<version>`) or a match event (`<partition>:<offset>`). */
export type PlannedDoc = Record<string, unknown> & { _id: string };

/** One event's change to the projections: what a batch applies, in order. */
export type ProjectionChange =
  | { kind: 'worker'; view: WorkerView }
  | { kind: 'worker-erased'; workerId: string; version: number }
  | { kind: 'vacancy'; view: VacancyView }
  | { kind: 'match'; doc: MatchDoc; partition: number };

/** Applied, or already applied (this version or a later one): counted as a duplicate. */
export type ChangeOutcome = 'ok' | 'duplicate';

/** The match document of a proposed or updated match; `seq` is the event's offset. */
export const scoredMatchDoc = (event: MatchScored, offset: string): MatchDoc => ({
  matchId: event.matchId,
  vacancyId: event.vacancyId,
  workerId: event.workerId,
  score: event.score,
  rank: event.rank,
  factors: event.factors,
  at: event.at,
  seq: Number(offset),
});

export const withdrawnMatchDoc = ({ matchId, vacancyId, workerId, at }: MatchWithdrawn, offset: string): MatchDoc => ({
  matchId,
  vacancyId,
  workerId,
  at,
  seq: Number(offset),
  score: 0,
  rank: 0,
  factors: [],
  withdrawn: true,
});

/** Whether `doc` comes after the match event already applied for its pair (`at`, then offset). */
export const isLater = (doc: MatchDoc, known: MatchDoc | undefined): boolean =>
  !known || doc.at > known.at || (doc.at === known.at && doc.seq > known.seq);

/** Judges the changes of a batch in order against memory and the batch's earlier changes, and collects the documents to save. */
export class BatchPlan {
  readonly applied: ProjectionChange[] = [];
  readonly workerDocs: PlannedDoc[] = [];
  readonly vacancyDocs: PlannedDoc[] = [];
  readonly matchDocs: PlannedDoc[] = [];
  private readonly workerVersions = new Map<string, number>();
  private readonly vacancyVersions = new Map<string, number>();
  private readonly latest = new Map<string, MatchDoc>();

  constructor(
    private readonly knownWorkers: ReadonlyMap<string, number>,
    private readonly knownVacancies: ReadonlyMap<string, VacancyView>,
    private readonly knownMatches: ReadonlyMap<string, MatchDoc>,
  ) {}

  add(change: ProjectionChange): ChangeOutcome {
    if (change.kind === 'match') return this.addMatch(change);
    if (change.kind === 'vacancy') {
      const { vacancyId, version } = change.view;
      if ((this.vacancyVersions.get(vacancyId) ?? this.knownVacancies.get(vacancyId)?.version ?? 0) >= version) return 'duplicate';
      this.vacancyVersions.set(vacancyId, version);
      this.vacancyDocs.push({ ...change.view, _id: `${vacancyId}:${version}` });
      return this.accept(change);
    }
    const [workerId, version] = change.kind === 'worker' ? [change.view.workerId, change.view.version] : [change.workerId, change.version];
    if ((this.workerVersions.get(workerId) ?? this.knownWorkers.get(workerId) ?? 0) >= version) return 'duplicate';
    this.workerVersions.set(workerId, version);
    this.workerDocs.push(change.kind === 'worker' ? { ...change.view, _id: `${workerId}:${version}` } : { _id: `${workerId}:${version}`, workerId, version, erased: true });
    return this.accept(change);
  }

  private addMatch(change: Extract<ProjectionChange, { kind: 'match' }>): ChangeOutcome {
    const { doc, partition } = change;
    const pair = `${doc.vacancyId}:${doc.workerId}`;
    if (!isLater(doc, this.latest.get(pair) ?? this.knownMatches.get(pair))) return 'duplicate';
    this.latest.set(pair, doc);
    this.matchDocs.push({ ...doc, _id: `${partition}:${doc.seq}` });
    return this.accept(change);
  }

  private accept(change: ProjectionChange): ChangeOutcome {
    this.applied.push(change);
    return 'ok';
  }
}
