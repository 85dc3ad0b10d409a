import {
  aggregateId,
  isoDate,
  jobFairFormat,
  jobFairInterviewMode,
  jobFairOutcomeKind,
  jobFairTheme,
  jobFairVenue,
  matchFactor,
  meetingLink,
  moneyVnd,
  priorityGroups,
  qualification,
  timestamp,
} from '@ketnoi/contracts';
import { z } from 'zod';

export const fairParams = z.object({ fairId: aggregateId });
export const boothParams = z.object({ boothId: aggregateId });
export const registrationParams = z.object({ registrationId: aggregateId });
export const slotParams = z.object({ slotId: aggregateId });
export const interviewParams = z.object({ interviewId: aggregateId });

export const fairBody = z.object({
  title: z.string().min(1).max(200),
  theme: jobFairTheme.default('general'),
  description: z.string().max(2000).optional(),
  format: jobFairFormat,
  startsAt: timestamp,
  endsAt: timestamp,
  venue: jobFairVenue.optional(),
  onlineLink: meetingLink.optional(),
  capacity: z.number().int().positive().max(100_000),
});
export const fairPatch = fairBody.partial();

export const fairView = fairBody.extend({
  fairId: aggregateId,
  status: z.enum(['scheduled', 'cancelled', 'closed']),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const boothBody = z.object({
  employerId: aggregateId.optional().describe('Staff only: the employer the booth is for (an employer\'s own token names it)'),
  employerName: z.string().min(1).max(300),
  label: z.string().min(1).max(50),
  vacancyIds: z.array(aggregateId).min(1).max(50),
});
export const boothView = z.object({
  boothId: aggregateId,
  fairId: aggregateId,
  employerId: aggregateId,
  employerName: z.string(),
  label: z.string(),
  vacancyIds: z.array(aggregateId),
  registeredAt: z.string(),
});

export const registrationBody = z.object({ workerId: aggregateId });
export const registrationView = z.object({
  registrationId: aggregateId,
  fairId: aggregateId,
  workerId: aggregateId,
  channel: z.enum(['staff', 'self-service']),
  seat: z.number().int(),
  priority: priorityGroups,
  consentShared: z.boolean(),
  sharedAt: z.string().optional(),
  checkedInAt: z.string().optional(),
  registeredAt: z.string(),
});

export const recommendationList = z.object({
  registrationId: aggregateId,
  items: z.array(
    z.object({
      rank: z.number().int(),
      boothId: aggregateId,
      boothLabel: z.string(),
      employerName: z.string(),
      vacancyId: aggregateId,
      vacancyTitle: z.string(),
      score: z.number(),
      factors: z.array(matchFactor),
    }),
  ),
});

export const attendeeList = z.object({
  boothId: aggregateId,
  items: z.array(
    z.object({
      rank: z.number().int(),
      candidateRef: z.string().describe('Pseudonym of the worker, stable within this fair'),
      registrationId: aggregateId.optional().describe('Staff, or once the worker agreed to share'),
      vacancyId: aggregateId,
      score: z.number(),
      factors: z.array(matchFactor),
      checkedIn: z.boolean(),
      shared: z.boolean(),
      workerId: aggregateId.optional().describe('Only once the worker agreed to share their profile'),
      profile: z
        .object({
          qualification,
          experienceYears: z.number(),
          communeCode: z.string(),
          desiredOccupations: z.array(z.string()),
          skills: z.array(z.string()),
          languages: z.array(z.object({ code: z.string(), level: z.string().optional() })),
        })
        .optional(),
    }),
  ),
});

export const slotInput = z.object({
  startsAt: timestamp,
  endsAt: timestamp,
  mode: jobFairInterviewMode.default('in-person'),
  meetingLink: meetingLink.optional(),
  vacancyId: aggregateId.optional(),
});
export const slotsBody = z.object({ slots: z.array(slotInput).min(1).max(200) });
export const slotView = z.object({
  slotId: aggregateId,
  fairId: aggregateId,
  boothId: aggregateId,
  employerId: aggregateId,
  startsAt: z.string(),
  endsAt: z.string(),
  mode: jobFairInterviewMode,
  meetingLink: z.string().optional(),
  vacancyId: aggregateId.optional(),
  booked: z.boolean().optional(),
});

export const bookingBody = z.object({ registrationId: aggregateId, vacancyId: aggregateId.optional() });
export const selfBookingBody = z.object({ slotId: aggregateId, vacancyId: aggregateId.optional() });

export const interviewView = z.object({
  interviewId: aggregateId,
  version: z.number().int(),
  fairId: aggregateId,
  slotId: aggregateId,
  boothId: aggregateId,
  boothLabel: z.string(),
  employerId: aggregateId,
  employerName: z.string(),
  registrationId: aggregateId.optional().describe('Staff, or the employer once the worker agreed to share'),
  vacancyId: aggregateId,
  vacancyTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  mode: jobFairInterviewMode,
  place: z.string().optional(),
  meetingLink: z.string().optional(),
  status: z.enum(['scheduled', 'cancelled', 'held', 'no-show', 'offered', 'hired']),
  placementId: aggregateId.optional(),
  candidateRef: z.string(),
  workerId: aggregateId.optional().describe('Staff, or the employer once the worker agreed to share'),
});

export const scheduleBody = z.object({ perWorker: z.number().int().min(1).max(10).default(2) });
export const scheduleView = z.object({ booked: z.number().int(), unplaced: z.number().int(), interviews: z.array(interviewView) });

export const cancelBody = z.object({ reason: z.enum(['worker-cancelled', 'employer-cancelled']).optional() });
export const outcomeBody = z
  .object({ outcome: jobFairOutcomeKind, startDate: isoDate.optional(), wageVnd: moneyVnd.optional() })
  .refine((o) => o.outcome === 'hired' || (o.startDate === undefined && o.wageVnd === undefined), {
    message: 'startDate and wageVnd go with a hire only',
    path: ['outcome'],
  });

export const checkInBody = z.object({ code: z.string().min(10).max(300).describe('What the attendee\'s QR code encodes') });
export const checkInView = z.object({ registration: registrationView, alreadyCheckedIn: z.boolean() });

export const linkView = z.object({ token: z.string(), expiresAt: z.string(), header: z.literal('x-jobfair-link') });
export const reminderView = z.object({ sent: z.number().int(), alreadySent: z.number().int() });
export const qrQuery = z.object({ format: z.enum(['png', 'svg', 'text']).default('png') });
export const reportQuery = z.object({ format: z.enum(['json', 'csv', 'xlsx']).default('json') });
