import type { JobFairSnapshot, WorkerSnapshot } from '@ketnoi/contracts';

export type PriorityGroups = WorkerSnapshot['priority'];

/** A job fair as its latest snapshot: what the list filters and shows (no description, link or address). */
export interface FairProjection {
  _id: string;
  version: number;
  title: string;
  theme: JobFairSnapshot['theme'];
  status: JobFairSnapshot['status'];
  format: JobFairSnapshot['format'];
  startsAt: string;
  endsAt: string;
  venueKind?: 'centre' | 'commune' | 'industrial-park';
  communeCode?: string;
  capacity: number;
}

/** A booth: label and employer (a business, not a person), at its latest version. */
export interface BoothProjection {
  _id: string;
  fairId: string;
  version: number;
  employerId: string;
  employerName: string;
  label: string;
  vacancies: number;
}

/**
 * A worker at one fair, under a digest of `fairId|workerId` (so the same
 * worker counts once per fair, even after erasure). The worker id is kept
 * only until the worker is erased; the priority flags stay for the reach.
 */
export interface AttendeeProjection {
  _id: string;
  fairId: string;
  workerId?: string;
  priority: PriorityGroups;
  registeredAt?: string;
  checkedInAt?: string;
}

export type InterviewStatus = 'scheduled' | 'cancelled' | 'held' | 'no-show' | 'offered' | 'hired';

/** An interview at its latest version; the worker only as the attendee's digest. */
export interface InterviewProjection {
  _id: string;
  fairId: string;
  version: number;
  boothId: string;
  attendee: string;
  status: InterviewStatus;
  /** Set on a hire: the same id as the hire on placements.v1, so a hire counts once. */
  placementId?: string;
  /** The worker's flags when the outcome was recorded (the registration's are used first). */
  priority?: PriorityGroups;
}

export interface JobFairDocs {
  jobfairs: FairProjection;
  jobfair_booths: BoothProjection;
  jobfair_attendees: AttendeeProjection;
  jobfair_interviews: InterviewProjection;
}
export type JobFairKind = keyof JobFairDocs;
export const JOBFAIR_KINDS: readonly JobFairKind[] = ['jobfairs', 'jobfair_booths', 'jobfair_attendees', 'jobfair_interviews'];
