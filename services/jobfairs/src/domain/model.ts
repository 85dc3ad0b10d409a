import type { JobFairSnapshot, JobFairVenue, priorityGroups } from '@ketnoi/contracts';
import type { z } from 'zod';

export type PriorityGroups = z.infer<typeof priorityGroups>;

export type FairState = Omit<JobFairSnapshot, 'version' | 'updatedAt'>;

export interface BoothState {
  boothId: string;
  fairId: string;
  employerId: string;
  employerName: string;
  label: string;
  vacancyIds: string[];
  registeredAt: string;
}

export interface RegistrationState {
  registrationId: string;
  fairId: string;
  workerId: string;
  channel: 'staff' | 'self-service';
  seat: number;
  priority: PriorityGroups;
  consentShared: boolean;
  sharedAt?: string;
  checkedInAt?: string;
  registeredAt: string;
}

export interface SlotState {
  slotId: string;
  fairId: string;
  boothId: string;
  employerId: string;
  startsAt: string;
  endsAt: string;
  mode: 'in-person' | 'online';
  meetingLink?: string;
  /** Only interviews for this vacancy; unset: any of the booth's vacancies. */
  vacancyId?: string;
}

export type InterviewStatus = 'scheduled' | 'cancelled' | 'held' | 'no-show' | 'offered' | 'hired';

export interface InterviewState {
  interviewId: string;
  fairId: string;
  slotId: string;
  boothId: string;
  boothLabel: string;
  employerId: string;
  employerName: string;
  registrationId: string;
  workerId: string;
  vacancyId: string;
  vacancyTitle: string;
  startsAt: string;
  endsAt: string;
  mode: 'in-person' | 'online';
  place?: string;
  meetingLink?: string;
  status: InterviewStatus;
  /** The claims holding the slot and the worker's time, released on cancellation. */
  claimIds: string[];
  placementId?: string;
  bookedAt: string;
}

export const venueText = (venue: JobFairVenue | undefined, boothLabel: string): string | undefined =>
  venue ? `${venue.name}${venue.address ? `, ${venue.address}` : ''} (${boothLabel})` : undefined;
