import type { EmployerSnapshot, MatchScored, Placement, VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import { KeyedMutex } from '@ketnoi/service-kit';
import { applyEmployer, applyMatchProposed, applyNotification, matchKeyOf } from '../domain/apply-others.js';
import { applyPlacement } from '../domain/apply-placement.js';
import { applyVacancySnapshot } from '../domain/apply-vacancy.js';
import { applyWorkerErased, applyWorkerSnapshot } from '../domain/apply-worker.js';
import { vietnamDayOf } from '../domain/local-day.js';
import { MatchCounts } from '../domain/match-counts.js';
import { periodOf } from '../domain/periods.js';
import type {
  EmployerProjection,
  MatchProjection,
  NotificationProjection,
  PlacementProjection,
  VacancyProjection,
  WorkerProjection,
} from '../domain/projections.js';
import { traitsOf } from '../domain/traits.js';
import { StagedDocs } from './staged-docs.js';
import { WorkerCube } from './worker-cube.js';

export type ApplyOutcome = 'applied' | 'duplicate' | 'unknown';

/** The one key every change runs under: one event or one batch at a time, whatever the topic. */
const LANE = 'projections';

export interface RegistrationCount {
  quarter: string;
  communeCode: string;
  formerDistrictCode: string | undefined;
  occupations: string[];
  count: number;
}

export interface ProjectionDocs {
  workers: WorkerProjection;
  vacancies: VacancyProjection;
  placements: PlacementProjection;
  matches: MatchProjection;
  notifications: NotificationProjection;
  employers: EmployerProjection;
}
export type ProjectionKind = keyof ProjectionDocs;
export const PROJECTION_KINDS: readonly ProjectionKind[] = ['workers', 'vacancies', 'placements', 'matches', 'notifications', 'employers'];

/** Where projections are kept durably; the in-memory maps are what aggregates read. */
export interface ProjectionSink {
  load<K extends ProjectionKind>(kind: K): Promise<ProjectionDocs[K][]>;
  save<K extends ProjectionKind>(kind: K, doc: ProjectionDocs[K]): Promise<void>;
  /**
   * Saves several documents of one kind together (a batch of events). `isNew`
   * tells which were never saved as far as memory knows (they may be inserted;
   * one saved by a write that failed halfway must still end up replaced).
   */
  saveMany<K extends ProjectionKind>(kind: K, docs: readonly ProjectionDocs[K][], isNew: (id: string) => boolean): Promise<void>;
}

export interface NotificationRecord {
  notificationId: string;
  recipientKind: 'worker' | 'employer';
  channel: string;
  at: string;
}

/** One event's change, as a batch hands it over (erasures are applied alone: `eraseWorker`). */
export type ProjectionChange =
  | { kind: 'worker'; snapshot: WorkerSnapshot }
  | { kind: 'vacancy'; snapshot: VacancySnapshot }
  | { kind: 'placement'; placement: Placement }
  | { kind: 'match'; match: MatchScored }
  | { kind: 'notification'; record: NotificationRecord; outcome: 'sent' | 'failed' }
  | { kind: 'employer'; snapshot: EmployerSnapshot };


type Maps = { [K in ProjectionKind]: Map<string, ProjectionDocs[K]> };

/**
 * The projections in memory, saved before they change in memory (a failed
 * save leaves the event to be retried, not lost). Each event is applied once
 * per version (or once per id for matches and notifications). Changes are
 * applied one event or one batch at a time, even when they arrive together.
 * A batch is worked out against memory plus its own earlier events, saved
 * with one write per collection (the latest document per id), then put in
 * memory: a batch that fails to save changes nothing in memory, and one cut
 * short by a crash finds what it saved in the reloaded memory (duplicates).
 * Besides the maps it keeps the indexes the reports need: workers counted by
 * attribute combination, workers by registration day, matches counted by
 * vacancy and day, and each worker's
 * matches and hires (so an erasure can replace the worker id by traits).
 */
export class Projections {
  readonly workers = new Map<string, WorkerProjection>();
  readonly vacancies = new Map<string, VacancyProjection>();
  readonly placements = new Map<string, PlacementProjection>();
  readonly matches = new Map<string, MatchProjection>();
  readonly notifications = new Map<string, NotificationProjection>();
  readonly employers = new Map<string, EmployerProjection>();
  readonly cube = new WorkerCube();
  /** The same cube per registration quarter: period reports of a quarter or a year read these. */
  readonly cubeByQuarter = new Map<string, WorkerCube>();
  readonly registeredOn = new Map<string, Set<string>>();
  /** Registrations counted by quarter, place and wanted occupations: what the supply forecasts read. */
  readonly registrations = new Map<string, RegistrationCount>();
  /** Matches counted per vacancy and day as they are first put: what the supply/demand cells read. */
  readonly matchCounts = new MatchCounts();
  /** Grows by one on every applied change: a cheap cache key for reports. */
  revision = 0;
  private readonly links = new Map<string, { matches: Set<string>; placements: Set<string> }>();
  private readonly listeners: (() => void)[] = [];
  private readonly mutex = new KeyedMutex();
  private readonly maps: Maps = {
    workers: this.workers,
    vacancies: this.vacancies,
    placements: this.placements,
    matches: this.matches,
    notifications: this.notifications,
    employers: this.employers,
  };

  constructor(private readonly sink: ProjectionSink) {}

  async load(): Promise<void> {
    for (const kind of PROJECTION_KINDS) {
      for (const doc of await this.sink.load(kind)) this.put(kind, doc);
    }
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Applies the changes of a batch in order; one outcome per change. */
  async applyBatch(changes: readonly ProjectionChange[]): Promise<ApplyOutcome[]> {
    if (changes.length === 0) return [];
    return this.mutex.run(LANE, async () => {
      const staged = new StagedDocs<ProjectionDocs>();
      const current = <K extends ProjectionKind>(kind: K, id: string): ProjectionDocs[K] | undefined => staged.get(kind, id) ?? this.maps[kind].get(id);
      const outcomes = changes.map((change): ApplyOutcome => {
        const [kind, next] = this.nextOf(change, current);
        if (next === 'duplicate' || next === 'unknown') return next;
        staged.set(kind, next);
        return 'applied';
      });
      await staged.commit(
        PROJECTION_KINDS,
        (kind, docs) => {
          const map = this.maps[kind] as Map<string, unknown>;
          return this.sink.saveMany(kind, docs, (id) => !map.has(id));
        },
        (kind, doc) => this.put(kind, doc),
      );
      const applied = outcomes.filter((o) => o === 'applied').length;
      if (applied > 0) {
        this.revision += applied;
        for (const listener of this.listeners) listener();
      }
      return outcomes;
    });
  }

  /** One change, as a batch of one (callers outside the consumers: reports' set-ups, benches). */
  async applyWorker(snapshot: WorkerSnapshot): Promise<ApplyOutcome> {
    return this.applyOne({ kind: 'worker', snapshot });
  }

  /** Erases the worker, then replaces their id in their matches and hires by the traits the audit needs. */
  async eraseWorker(erased: { workerId: string; version: number; erasedAt: string }): Promise<ApplyOutcome> {
    return this.mutex.run(LANE, async () => {
      const outcome = await this.commit('workers', applyWorkerErased(this.workers.get(erased.workerId), erased));
      if (outcome === 'applied') await this.scrub(erased.workerId);
      return outcome;
    });
  }

  async applyVacancy(snapshot: VacancySnapshot): Promise<ApplyOutcome> {
    return this.applyOne({ kind: 'vacancy', snapshot });
  }

  async applyPlacement(placement: Placement): Promise<ApplyOutcome> {
    return this.applyOne({ kind: 'placement', placement });
  }

  async applyMatchProposed(match: MatchScored): Promise<ApplyOutcome> {
    return this.applyOne({ kind: 'match', match });
  }

  async applyNotification(record: NotificationRecord, outcome: 'sent' | 'failed'): Promise<ApplyOutcome> {
    return this.applyOne({ kind: 'notification', record, outcome });
  }

  async applyEmployer(snapshot: EmployerSnapshot): Promise<ApplyOutcome> {
    return this.applyOne({ kind: 'employer', snapshot });
  }

  private async applyOne(change: ProjectionChange): Promise<ApplyOutcome> {
    const [outcome] = await this.applyBatch([change]);
    return outcome!;
  }

  /** The kind a change writes and its next document (or why there is none), given the documents as of the change. */
  private nextOf(
    change: ProjectionChange,
    current: <K extends ProjectionKind>(kind: K, id: string) => ProjectionDocs[K] | undefined,
  ): [ProjectionKind, ProjectionDocs[ProjectionKind] | 'duplicate' | 'unknown'] {
    switch (change.kind) {
      case 'worker':
        return ['workers', applyWorkerSnapshot(current('workers', change.snapshot.workerId), change.snapshot)];
      case 'vacancy':
        return ['vacancies', applyVacancySnapshot(current('vacancies', change.snapshot.vacancyId), change.snapshot)];
      case 'placement': {
        const { placement } = change;
        return ['placements', applyPlacement(current('placements', placement.placementId), placement, this.erasedTraits(placement.workerId, placement.hiredAt))];
      }
      case 'match': {
        const { match } = change;
        return ['matches', applyMatchProposed(current('matches', matchKeyOf(match.matchId)), match, this.erasedTraits(match.workerId, match.at))];
      }
      case 'notification':
        return ['notifications', applyNotification(current('notifications', change.record.notificationId), change.record, change.outcome)];
      case 'employer':
        return ['employers', applyEmployer(current('employers', change.snapshot.employerId), change.snapshot)];
    }
  }

  /** Traits of an erased worker on the day of an instant; undefined when the worker is not erased. */
  private erasedTraits(workerId: string, at: string): string[] | undefined {
    const worker = this.workers.get(workerId);
    return worker?.erased ? traitsOf(worker, vietnamDayOf(new Date(at))) : undefined;
  }

  private async scrub(workerId: string): Promise<void> {
    const linked = this.links.get(workerId);
    if (!linked) return;
    for (const id of [...linked.matches]) {
      const match = this.matches.get(id);
      if (!match) continue;
      const { workerId: _gone, ...rest } = match;
      await this.commit('matches', { ...rest, traits: this.erasedTraits(workerId, match.proposedAt) ?? [] });
    }
    for (const id of [...linked.placements]) {
      const placement = this.placements.get(id);
      if (!placement) continue;
      const { workerId: _gone, ...rest } = placement;
      await this.commit('placements', { ...rest, traits: this.erasedTraits(workerId, placement.hiredAt) ?? [] });
    }
    this.links.delete(workerId);
  }

  /** Saves the next projection, then puts it in memory and tells the listeners. */
  private async commit<K extends ProjectionKind>(kind: K, next: ProjectionDocs[K] | 'duplicate' | 'unknown'): Promise<ApplyOutcome> {
    if (next === 'duplicate' || next === 'unknown') return next;
    await this.sink.save(kind, next);
    this.put(kind, next);
    this.revision += 1;
    for (const listener of this.listeners) listener();
    return 'applied';
  }

  /** Puts a document in its map and keeps the indexes in step. */
  private put<K extends ProjectionKind>(kind: K, doc: ProjectionDocs[K]): void {
    const map = this.maps[kind];
    const before = map.get(doc._id);
    map.set(doc._id, doc);
    if (kind === 'workers') this.indexWorker(before as WorkerProjection | undefined, doc as WorkerProjection);
    // A match keeps its vacancy and instant for good (an erasure replaces only the worker): counted when first put.
    if (kind === 'matches' && before === undefined) this.matchCounts.add((doc as MatchProjection).vacancyId, (doc as MatchProjection).proposedAt);
    if (kind === 'matches' || kind === 'placements') {
      const linkKind = kind === 'matches' ? 'matches' : 'placements';
      const workerId = (doc as MatchProjection | PlacementProjection).workerId;
      const previous = (before as MatchProjection | PlacementProjection | undefined)?.workerId;
      if (workerId !== undefined) this.linksOf(workerId)[linkKind].add(doc._id);
      else if (previous !== undefined) this.links.get(previous)?.[linkKind].delete(doc._id);
    }
  }

  private indexWorker(before: WorkerProjection | undefined, after: WorkerProjection): void {
    this.cube.change(before, after);
    if (before?.registeredDay) {
      this.registeredOn.get(before.registeredDay)?.delete(before._id);
      this.countRegistration(before, -1);
      this.cubeByQuarter.get(periodOf(before.registeredDay, 'quarter'))?.change(before, undefined);
    }
    if (after.registeredDay) {
      let day = this.registeredOn.get(after.registeredDay);
      if (!day) this.registeredOn.set(after.registeredDay, (day = new Set()));
      day.add(after._id);
      this.countRegistration(after, 1);
      const quarter = periodOf(after.registeredDay, 'quarter');
      let cube = this.cubeByQuarter.get(quarter);
      if (!cube) this.cubeByQuarter.set(quarter, (cube = new WorkerCube()));
      cube.change(undefined, after);
    }
  }

  private countRegistration(worker: WorkerProjection, delta: 1 | -1): void {
    const quarter = periodOf(worker.registeredDay ?? '', 'quarter');
    const key = `${quarter}|${worker.communeCode}|${worker.formerDistrictCode ?? ''}|${worker.occupations.join(',')}`;
    const found = this.registrations.get(key);
    if (found) {
      found.count += delta;
      if (found.count === 0) this.registrations.delete(key);
    } else if (delta > 0) {
      this.registrations.set(key, { quarter, communeCode: worker.communeCode, formerDistrictCode: worker.formerDistrictCode, occupations: worker.occupations, count: 1 });
    }
  }

  private linksOf(workerId: string): { matches: Set<string>; placements: Set<string> } {
    let found = this.links.get(workerId);
    if (!found) this.links.set(workerId, (found = { matches: new Set(), placements: new Set() }));
    return found;
  }
}
