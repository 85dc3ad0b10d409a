import type { JobFairBooth, JobFairOutcome, JobFairSnapshot } from '@ketnoi/contracts';
import { KeyedMutex } from '@ketnoi/service-kit';
import { applyAttendee, applyBooth, applyFair, applyInterview, attendeeKeyOf, type AttendeeEvent, type InterviewChange } from '../domain/apply-jobfair.js';
import { fairReport, type FairReport } from '../domain/jobfair-report.js';
import {
  JOBFAIR_KINDS,
  type AttendeeProjection,
  type BoothProjection,
  type FairProjection,
  type InterviewProjection,
  type JobFairDocs,
  type JobFairKind,
} from '../domain/jobfair-projections.js';
import type { ApplyOutcome } from './projections.js';

/** Where the fair projections are kept durably. */
export interface JobFairSink {
  load<K extends JobFairKind>(kind: K): Promise<JobFairDocs[K][]>;
  save<K extends JobFairKind>(kind: K, doc: JobFairDocs[K]): Promise<void>;
}

interface FairState {
  fair?: FairProjection;
  booths: Map<string, BoothProjection>;
  attendees: Map<string, AttendeeProjection>;
  interviews: Map<string, InterviewProjection>;
  /** Grows on every change of the fair: the report is recomputed only then. */
  revision: number;
  cached?: { revision: number; report: FairReport };
}

/**
 * The job fairs in memory, grouped by fair, loaded once at start and saved
 * (replace by `_id`) before memory changes. Registrations and check-ins of a
 * worker are applied under the worker's lock, so an erasure cannot slip
 * between the check "is the worker erased" and the save.
 */
export class JobFairs {
  private readonly fairs = new Map<string, FairState>();
  /** workerId → (attendee key → fairId) still carrying that id: what an erasure scrubs. */
  private readonly byWorker = new Map<string, Map<string, string>>();
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly sink: JobFairSink,
    private readonly isErased: (workerId: string) => boolean,
  ) {}

  async load(): Promise<void> {
    for (const kind of JOBFAIR_KINDS) for (const doc of await this.sink.load(kind)) this.put(kind, doc);
  }

  get size(): number {
    return this.fairs.size;
  }

  async applyFair(snapshot: JobFairSnapshot): Promise<ApplyOutcome> {
    return this.mutex.run(`fair:${snapshot.fairId}`, () => this.commit('jobfairs', applyFair(this.stateOf(snapshot.fairId).fair, snapshot)));
  }

  async applyBooth(booth: JobFairBooth): Promise<ApplyOutcome> {
    return this.mutex.run(`booth:${booth.boothId}`, () => this.commit('jobfair_booths', applyBooth(this.stateOf(booth.fairId).booths.get(booth.boothId), booth)));
  }

  async applyAttendee(event: AttendeeEvent): Promise<ApplyOutcome> {
    return this.mutex.run(`worker:${event.workerId}`, () => {
      const current = this.stateOf(event.fairId).attendees.get(attendeeKeyOf(event.fairId, event.workerId));
      return this.commit('jobfair_attendees', applyAttendee(current, event, this.isErased(event.workerId)));
    });
  }

  async applyInterview(change: InterviewChange): Promise<ApplyOutcome> {
    return this.mutex.run(`interview:${change.interviewId}`, () =>
      this.commit('jobfair_interviews', applyInterview(this.stateOf(change.fairId).interviews.get(change.interviewId), change)),
    );
  }

  async applyOutcome(outcome: JobFairOutcome, status: InterviewChange['status']): Promise<ApplyOutcome> {
    const { interviewId, fairId, version, boothId, workerId, placementId, priority } = outcome;
    return this.applyInterview({ interviewId, fairId, version, boothId, workerId, status, priority, ...(placementId === undefined ? {} : { placementId }) });
  }

  /** Drops the worker's id from their fair attendances (their counts and flags stay). Idempotent. */
  async eraseWorker(workerId: string): Promise<number> {
    return this.mutex.run(`worker:${workerId}`, async () => {
      const keys = [...(this.byWorker.get(workerId) ?? [])];
      for (const [key, fairId] of keys) {
        const attendee = this.fairs.get(fairId)?.attendees.get(key);
        if (!attendee) continue;
        const { workerId: _gone, ...rest } = attendee;
        await this.commit('jobfair_attendees', rest);
      }
      return keys.length;
    });
  }

  /** Every known fair (one whose snapshot was seen), earliest first. */
  fairList(): FairProjection[] {
    return [...this.fairs.values()]
      .flatMap((f) => (f.fair ? [f.fair] : []))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a._id.localeCompare(b._id));
  }

  report(fairId: string): FairReport | undefined {
    const state = this.fairs.get(fairId);
    if (!state?.fair) return undefined;
    if (state.cached?.revision !== state.revision) {
      const report = fairReport({ fair: state.fair, booths: state.booths.values(), attendees: state.attendees.values(), interviews: state.interviews.values() });
      state.cached = { revision: state.revision, report };
    }
    return state.cached.report;
  }

  private stateOf(fairId: string): FairState {
    let state = this.fairs.get(fairId);
    if (!state) this.fairs.set(fairId, (state = { booths: new Map(), attendees: new Map(), interviews: new Map(), revision: 0 }));
    return state;
  }

  private async commit<K extends JobFairKind>(kind: K, next: JobFairDocs[K] | 'duplicate'): Promise<ApplyOutcome> {
    if (next === 'duplicate') return next;
    await this.sink.save(kind, next);
    this.put(kind, next);
    return 'applied';
  }

  private put<K extends JobFairKind>(kind: K, doc: JobFairDocs[K]): void {
    if (kind === 'jobfairs') {
      const fair = this.stateOf(doc._id);
      fair.fair = doc as FairProjection;
      fair.revision += 1;
      return;
    }
    const fairId = (doc as BoothProjection | AttendeeProjection | InterviewProjection).fairId;
    const state = this.stateOf(fairId);
    state.revision += 1;
    if (kind === 'jobfair_booths') state.booths.set(doc._id, doc as BoothProjection);
    if (kind === 'jobfair_interviews') state.interviews.set(doc._id, doc as InterviewProjection);
    if (kind === 'jobfair_attendees') {
      const attendee = doc as AttendeeProjection;
      const before = state.attendees.get(attendee._id);
      state.attendees.set(attendee._id, attendee);
      if (before?.workerId !== undefined && attendee.workerId === undefined) {
        const keys = this.byWorker.get(before.workerId);
        keys?.delete(attendee._id);
        if (keys?.size === 0) this.byWorker.delete(before.workerId);
      }
      if (attendee.workerId !== undefined) {
        let keys = this.byWorker.get(attendee.workerId);
        if (!keys) this.byWorker.set(attendee.workerId, (keys = new Map()));
        keys.set(attendee._id, fairId);
      }
    }
  }
}
