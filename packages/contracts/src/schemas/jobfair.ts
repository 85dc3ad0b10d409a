import { z } from 'zod';
import { aggregateId, communeCode, priorityGroups, referenceCode, timestamp, version } from './common.js';

/**
 * Job fairs ("phiên giao dịch việc làm"). Every event on `jobfairs.v1` is keyed
 * by `fairId`, so one fair's events arrive in order. Each event carries the
 * display fields a consumer needs (titles, places, times, links), so
 * notification can render a message and analytics can count without calling
 * the jobfairs service. Workers appear only as pseudonymous `workerId`s:
 * never a name, a phone number or a citizen-ID.
 */

export const jobFairFormat = z.enum(['in-person', 'online', 'hybrid']);
export const jobFairStatus = z.enum(['scheduled', 'cancelled', 'closed']);
export const jobFairVenueKind = z.enum(['centre', 'commune', 'industrial-park']);

export const jobFairVenue = z.object({
  kind: jobFairVenueKind,
  name: z.string().min(1).max(200).describe('Display name, e.g. "Trung tâm Dịch vụ việc làm Thái Nguyên"'),
  address: z.string().max(300).optional().describe('Street address of the venue (an organisation\'s, not a person\'s)'),
  communeCode: communeCode.optional(),
  industrialParkCode: referenceCode.optional(),
});
export type JobFairVenue = z.infer<typeof jobFairVenue>;

/** Themes the centre runs fairs on; `general` when none applies. */
export const jobFairTheme = z.enum([
  'general',
  'back-from-abroad',
  'fdi-electronics',
  'after-military-service',
  'youth',
  'ethnic-minority',
  'disability',
  'rural-labour',
  'vocational-graduates',
]);

export const meetingLink = z.url({ protocol: /^https$/ }).max(500);

export const jobFairSnapshot = z
  .object({
    fairId: aggregateId,
    version,
    title: z.string().min(1).max(200),
    theme: jobFairTheme,
    description: z.string().max(2000).optional(),
    status: jobFairStatus,
    format: jobFairFormat,
    startsAt: timestamp,
    endsAt: timestamp,
    venue: jobFairVenue.optional().describe('Where it takes place; absent for an online-only fair'),
    onlineLink: meetingLink.optional().describe('The fair\'s online room; present for online and hybrid fairs'),
    capacity: z.number().int().positive().max(100_000).describe('How many workers may register'),
    updatedAt: timestamp,
  })
  .refine((f) => f.format === 'online' || f.venue !== undefined, {
    message: 'an in-person or hybrid fair has a venue',
    path: ['venue'],
  })
  .refine((f) => f.format === 'in-person' || f.onlineLink !== undefined, {
    message: 'an online or hybrid fair has an online link',
    path: ['onlineLink'],
  })
  .refine((f) => f.endsAt > f.startsAt, { message: 'endsAt must be after startsAt', path: ['endsAt'] });
export type JobFairSnapshot = z.infer<typeof jobFairSnapshot>;

export const jobFairBooth = z.object({
  fairId: aggregateId,
  boothId: aggregateId,
  version,
  employerId: aggregateId,
  employerName: z.string().min(1).max(300).describe('The employer\'s business name, for display'),
  label: z.string().min(1).max(50).describe('Booth number or label at the venue, e.g. "B12"'),
  vacancyIds: z.array(aggregateId).min(1).max(50),
  registeredAt: timestamp,
});
export type JobFairBooth = z.infer<typeof jobFairBooth>;

export const jobFairRegistrationChannel = z.enum(['staff', 'self-service']);

/** A worker registered for a fair; the priority flags let analytics measure priority-group reach. */
export const jobFairWorkerRegistered = z.object({
  fairId: aggregateId,
  registrationId: aggregateId,
  workerId: aggregateId,
  channel: jobFairRegistrationChannel,
  priority: priorityGroups.describe('The worker\'s priority-group flags when they registered (from workers.v1)'),
  fairTitle: z.string().min(1).max(200),
  fairStartsAt: timestamp,
  registeredAt: timestamp,
});
export type JobFairWorkerRegistered = z.infer<typeof jobFairWorkerRegistered>;

export const jobFairConsentShared = z.object({
  fairId: aggregateId,
  registrationId: aggregateId,
  workerId: aggregateId,
  sharedAt: timestamp.describe('The worker agreed that the fair\'s employers see their profile'),
});

export const jobFairInterviewMode = z.enum(['in-person', 'online']);

/**
 * One interview, with all a notification needs: who (workerId), with whom
 * (employer and booth), for what (vacancy title), when and where (place, or
 * meeting link when online). `version` counts the interview's changes.
 */
export const jobFairInterview = z
  .object({
    fairId: aggregateId,
    interviewId: aggregateId,
    version,
    slotId: aggregateId,
    boothId: aggregateId,
    boothLabel: z.string().min(1).max(50),
    workerId: aggregateId,
    employerId: aggregateId,
    employerName: z.string().min(1).max(300),
    vacancyId: aggregateId,
    vacancyTitle: z.string().min(1).max(300),
    fairTitle: z.string().min(1).max(200),
    startsAt: timestamp,
    endsAt: timestamp,
    mode: jobFairInterviewMode,
    place: z.string().max(400).optional().describe('Venue name and booth for an in-person interview'),
    meetingLink: meetingLink.optional().describe('Link of an online interview'),
    at: timestamp.describe('When this change happened'),
  })
  .refine((i) => i.mode === 'in-person' || i.meetingLink !== undefined, {
    message: 'an online interview carries a meeting link',
    path: ['meetingLink'],
  });
export type JobFairInterview = z.infer<typeof jobFairInterview>;

export const jobFairInterviewCancelled = z.object({
  fairId: aggregateId,
  interviewId: aggregateId,
  version,
  slotId: aggregateId,
  boothId: aggregateId,
  workerId: aggregateId,
  employerId: aggregateId,
  employerName: z.string().min(1).max(300),
  vacancyTitle: z.string().min(1).max(300),
  fairTitle: z.string().min(1).max(200),
  startsAt: timestamp,
  endsAt: timestamp,
  reason: z.enum(['worker-cancelled', 'employer-cancelled', 'fair-cancelled']),
  at: timestamp,
});

/** A reminder to a worker: of the fair itself, or of one interview (then interview fields are set). */
export const jobFairReminder = z
  .object({
    reminderId: z.string().min(1).max(200).describe('Stable per (fair or interview, worker): a redelivery is the same reminder'),
    fairId: aggregateId,
    workerId: aggregateId,
    kind: z.enum(['fair', 'interview']),
    fairTitle: z.string().min(1).max(200),
    startsAt: timestamp.describe('Start of the fair, or of the interview'),
    endsAt: timestamp.optional(),
    place: z.string().max(400).optional(),
    meetingLink: meetingLink.optional(),
    interviewId: aggregateId.optional(),
    employerName: z.string().min(1).max(300).optional(),
    boothLabel: z.string().min(1).max(50).optional(),
    vacancyTitle: z.string().min(1).max(300).optional(),
    at: timestamp,
  })
  .refine((r) => (r.kind === 'interview') === (r.interviewId !== undefined), {
    message: 'an interview reminder, and only one, names its interview',
    path: ['interviewId'],
  });
export type JobFairReminder = z.infer<typeof jobFairReminder>;

export const jobFairCheckedIn = z.object({
  fairId: aggregateId,
  registrationId: aggregateId,
  workerId: aggregateId,
  priority: priorityGroups,
  checkedInAt: timestamp,
});
export type JobFairCheckedIn = z.infer<typeof jobFairCheckedIn>;

export const jobFairOutcomeKind = z.enum(['interview-held', 'no-show', 'offer-made', 'hired']);

/** What came of one interview; a hire also goes to placements.v1 as placement.recorded. */
export const jobFairOutcome = z.object({
  fairId: aggregateId,
  interviewId: aggregateId,
  version,
  boothId: aggregateId,
  employerId: aggregateId,
  vacancyId: aggregateId,
  workerId: aggregateId,
  outcome: jobFairOutcomeKind,
  priority: priorityGroups,
  placementId: aggregateId.optional().describe('Set on a hire: the placement published on placements.v1'),
  at: timestamp,
});
export type JobFairOutcome = z.infer<typeof jobFairOutcome>;
