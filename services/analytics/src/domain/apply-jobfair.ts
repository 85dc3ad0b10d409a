import { createHash } from 'node:crypto';
import type { JobFairBooth, JobFairOutcome, JobFairSnapshot } from '@ketnoi/contracts';
import type { AttendeeProjection, BoothProjection, FairProjection, InterviewProjection, InterviewStatus, PriorityGroups } from './jobfair-projections.js';

/** The attendee's key: a digest of fair and worker, so the worker's id does not survive in it (as for matches). */
export const attendeeKeyOf = (fairId: string, workerId: string): string => createHash('sha256').update(`${fairId}|${workerId}`).digest('hex').slice(0, 32);

export function applyFair(current: FairProjection | undefined, fair: JobFairSnapshot): FairProjection | 'duplicate' {
  if (current && current.version >= fair.version) return 'duplicate';
  return {
    _id: fair.fairId,
    version: fair.version,
    title: fair.title,
    theme: fair.theme,
    status: fair.status,
    format: fair.format,
    startsAt: fair.startsAt,
    endsAt: fair.endsAt,
    ...(fair.venue ? { venueKind: fair.venue.kind } : {}),
    ...(fair.venue?.communeCode ? { communeCode: fair.venue.communeCode } : {}),
    capacity: fair.capacity,
  };
}

export function applyBooth(current: BoothProjection | undefined, booth: JobFairBooth): BoothProjection | 'duplicate' {
  if (current && current.version >= booth.version) return 'duplicate';
  return {
    _id: booth.boothId,
    fairId: booth.fairId,
    version: booth.version,
    employerId: booth.employerId,
    employerName: booth.employerName,
    label: booth.label,
    vacancies: booth.vacancyIds.length,
  };
}

export interface AttendeeEvent {
  kind: 'registered' | 'checked-in';
  fairId: string;
  workerId: string;
  priority: PriorityGroups;
  at: string;
}

/**
 * A registration or a check-in, once each per worker and fair (the events
 * carry no version: a second one is a duplicate). The first event's flags are
 * kept. Without the worker id when the worker is already erased.
 */
export function applyAttendee(current: AttendeeProjection | undefined, event: AttendeeEvent, erased: boolean): AttendeeProjection | 'duplicate' {
  const field = event.kind === 'registered' ? 'registeredAt' : 'checkedInAt';
  if (current?.[field] !== undefined) return 'duplicate';
  const base: AttendeeProjection = current ?? { _id: attendeeKeyOf(event.fairId, event.workerId), fairId: event.fairId, priority: event.priority };
  const { workerId: _kept, ...rest } = base;
  return { ...rest, ...(erased ? {} : { workerId: event.workerId }), [field]: event.at };
}

export interface InterviewChange {
  interviewId: string;
  fairId: string;
  version: number;
  boothId: string;
  workerId: string;
  status: InterviewStatus;
  placementId?: string;
  priority?: PriorityGroups;
}

const OUTCOME_STATUS: Record<JobFairOutcome['outcome'], InterviewStatus> = {
  'interview-held': 'held',
  'no-show': 'no-show',
  'offer-made': 'offered',
  hired: 'hired',
};
export const statusOfOutcome = (outcome: JobFairOutcome['outcome']): InterviewStatus => OUTCOME_STATUS[outcome];

/** The interview at a newer version (scheduled, cancelled or an outcome); an older or equal version is a duplicate. */
export function applyInterview(current: InterviewProjection | undefined, change: InterviewChange): InterviewProjection | 'duplicate' {
  if (current && current.version >= change.version) return 'duplicate';
  const placementId = change.placementId ?? current?.placementId;
  const priority = change.priority ?? current?.priority;
  return {
    _id: change.interviewId,
    fairId: change.fairId,
    version: change.version,
    boothId: change.boothId,
    attendee: attendeeKeyOf(change.fairId, change.workerId),
    status: change.status,
    ...(placementId === undefined ? {} : { placementId }),
    ...(priority === undefined ? {} : { priority }),
  };
}
