import type { JobFairBooth, JobFairSnapshot } from '@ketnoi/contracts';
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
import { StagedDocs } from './staged-docs.js';

/** Where the fair projections are kept durably. */
export interface JobFairSink {
  load<K extends JobFairKind>(kind: K): Promise<JobFairDocs[K][]>;
  save<K extends JobFairKind>(kind: K, doc: JobFairDocs[K]): Promise<void>;
  /** Saves a batch's documents of one kind together; `isNew`: never saved as far as memory knows. */
  saveMany<K extends JobFairKind>(kind: K, docs: readonly JobFairDocs[K][], isNew: (id: string) => boolean): Promise<void>;
}

/** One fair event's change, as a batch hands it over. */
export type JobFairChange =
  | { kind: 'fair'; snapshot: JobFairSnapshot }
  | { kind: 'booth'; booth: JobFairBooth }
  | { kind: 'attendee'; event: AttendeeEvent }
  | { kind: 'interview'; change: InterviewChange };

/** The one key every change runs under: one event or one batch at a time. */
const LANE = 'jobfairs';

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
 * before memory changes (one event: a replace by `_id`; a batch: the latest
 * document per id, new ones inserted and known ones replaced together, then
 * put in memory — as `Projections.applyBatch`). Changes run one event or one
 * batch at a time, erasures included, so an erasure cannot slip between the
 * check "is the worker erased" and the save.
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

  /** One change, as a batch of one (callers outside the consumer: tests, benches). */
  async applyFair(snapshot: JobFairSnapshot): Promise<ApplyOutcome> {
    return this.applyOne({ kind: 'fair', snapshot });
  }

  async applyBooth(booth: JobFairBooth): Promise<ApplyOutcome> {
    return this.applyOne({ kind: 'booth', booth });
  }

  async applyAttendee(event: AttendeeEvent): Promise<ApplyOutcome> {
    return this.applyOne({ kind: 'attendee', event });
  }

  async applyInterview(change: InterviewChange): Promise<ApplyOutcome> {
    return this.applyOne({ kind: 'interview', change });
  }

  private async applyOne(change: JobFairChange): Promise<ApplyOutcome> {
    const [outcome] = await this.applyBatch([change]);
    return outcome!;
  }

  /** Applies the changes of a batch in order; one outcome per change. */
  async applyBatch(changes: readonly JobFairChange[]): Promise<ApplyOutcome[]> {
    if (changes.length === 0) return [];
    return this.mutex.run(LANE, async () => {
      const staged = new StagedDocs<JobFairDocs>();
      const outcomes = changes.map((change): ApplyOutcome => {
        const [kind, next] = this.nextOf(change, (k, id) => staged.get(k, id));
        if (next === 'duplicate') return next;
        staged.set(kind, next);
        return 'applied';
      });
      await staged.commit(
        JOBFAIR_KINDS,
        (kind, docs) => {
          const known = new Set(docs.filter((doc) => this.known(kind, doc)).map((doc) => doc._id));
          return this.sink.saveMany(kind, docs, (id) => !known.has(id));
        },
        (kind, doc) => this.put(kind, doc),
      );
      return outcomes;
    });
  }

  /** Drops the worker's id from their fair attendances (their counts and flags stay). Idempotent. */
  async eraseWorker(workerId: string): Promise<number> {
    return this.mutex.run(LANE, async () => {
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

  /** The kind a change writes and its next document, given memory and the batch's earlier documents. */
  private nextOf(
    change: JobFairChange,
    staged: <K extends JobFairKind>(kind: K, id: string) => JobFairDocs[K] | undefined,
  ): [JobFairKind, JobFairDocs[JobFairKind] | 'duplicate'] {
    switch (change.kind) {
      case 'fair': {
        const id = change.snapshot.fairId;
        return ['jobfairs', applyFair(staged('jobfairs', id) ?? this.fairs.get(id)?.fair, change.snapshot)];
      }
      case 'booth': {
        const { booth } = change;
        return ['jobfair_booths', applyBooth(staged('jobfair_booths', booth.boothId) ?? this.fairs.get(booth.fairId)?.booths.get(booth.boothId), booth)];
      }
      case 'attendee': {
        const { event } = change;
        const key = attendeeKeyOf(event.fairId, event.workerId);
        const current = staged('jobfair_attendees', key) ?? this.fairs.get(event.fairId)?.attendees.get(key);
        return ['jobfair_attendees', applyAttendee(current, event, this.isErased(event.workerId))];
      }
      case 'interview': {
        const { change: interview } = change;
        const current = staged('jobfair_interviews', interview.interviewId) ?? this.fairs.get(interview.fairId)?.interviews.get(interview.interviewId);
        return ['jobfair_interviews', applyInterview(current, interview)];
      }
    }
  }

  /** Whether a document of this id is in memory (so saved before). */
  private known(kind: JobFairKind, doc: JobFairDocs[JobFairKind]): boolean {
    if (kind === 'jobfairs') return this.fairs.get(doc._id)?.fair !== undefined;
    const state = this.fairs.get((doc as BoothProjection | AttendeeProjection | InterviewProjection).fairId);
    if (kind === 'jobfair_booths') return state?.booths.has(doc._id) ?? false;
    if (kind === 'jobfair_attendees') return state?.attendees.has(doc._id) ?? false;
    return state?.interviews.has(doc._id) ?? false;
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
