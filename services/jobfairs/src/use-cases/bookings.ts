import { jobFairsTopic, type JobFairInterview } from '@ketnoi/contracts';
import { KetNoiError, notFound } from '@ketnoi/errors';
import { pendingEvent, type AggregateVersion } from '@ketnoi/service-kit';
import { newId } from '../domain/ids.js';
import { venueText, type BoothState, type FairState, type InterviewState, type RegistrationState, type SlotState } from '../domain/model.js';
import { gridCells } from '../domain/time-grid.js';
import { claimAll, release } from '../repositories/claims.js';
import type { JobFairsContext } from './context.js';
import { getFair, openFair } from './fairs.js';
import { getRegistration } from './registrations.js';
import { getSlot } from './slots.js';

export const slotClaim = (slotId: string) => `slot:${slotId}`;
export const timeClaim = (workerId: string, cell: string) => `time:${workerId}:${cell}`;

export const interviewEvent = (i: InterviewState, version: number, fairTitle: string, at: string): JobFairInterview => ({
  fairId: i.fairId,
  interviewId: i.interviewId,
  version,
  slotId: i.slotId,
  boothId: i.boothId,
  boothLabel: i.boothLabel,
  workerId: i.workerId,
  employerId: i.employerId,
  employerName: i.employerName,
  vacancyId: i.vacancyId,
  vacancyTitle: i.vacancyTitle,
  fairTitle,
  startsAt: i.startsAt,
  endsAt: i.endsAt,
  mode: i.mode,
  ...(i.place ? { place: i.place } : {}),
  ...(i.meetingLink ? { meetingLink: i.meetingLink } : {}),
  at,
});

/** The vacancy to interview for: the one asked for, else the slot's, else the booth's best match for the worker. */
function chooseVacancy(ctx: JobFairsContext, booth: BoothState, slot: SlotState, workerId: string, wanted: string | undefined): string {
  const allowed = slot.vacancyId ? [slot.vacancyId] : booth.vacancyIds;
  if (wanted !== undefined) {
    if (!allowed.includes(wanted)) throw new KetNoiError('VACANCY_NOT_AT_SLOT', 'this slot does not interview for that vacancy', { status: 422, details: { vacancyId: wanted } });
    return wanted;
  }
  const scored = allowed.map((vacancyId) => ({ vacancyId, score: ctx.projections.match(vacancyId, workerId)?.score ?? -1 }));
  scored.sort((a, b) => b.score - a.score || a.vacancyId.localeCompare(b.vacancyId));
  return scored[0]!.vacancyId;
}

export interface BookingInput {
  slotId: string;
  registrationId: string;
  vacancyId?: string | undefined;
}

/**
 * Books a slot for a registered worker. Correct under concurrency by design:
 * the slot and each grid cell of the worker's time are unique claims, taken
 * all or none before the interview is stored; a second booking of the slot,
 * or an overlapping one for the worker, finds a claim taken (409).
 */
export async function bookSlot(ctx: JobFairsContext, input: BookingInput): Promise<AggregateVersion<InterviewState>> {
  const slot = (await getSlot(ctx, input.slotId)).state;
  const registration = (await getRegistration(ctx, input.registrationId)).state;
  if (registration.fairId !== slot.fairId) throw notFound('registration', { details: { registrationId: input.registrationId } });
  const fair = await openFair(ctx, await getFair(ctx, slot.fairId));
  const booth = await ctx.stores.booths.get(slot.boothId);
  if (!booth) throw notFound('booth', { details: { boothId: slot.boothId } });
  return book(ctx, fair.state, booth.state, slot, registration, chooseVacancy(ctx, booth.state, slot, registration.workerId, input.vacancyId));
}

async function book(
  ctx: JobFairsContext,
  fair: FairState,
  booth: BoothState,
  slot: SlotState,
  registration: RegistrationState,
  vacancyId: string,
): Promise<AggregateVersion<InterviewState>> {
  const interviewId = newId('iv');
  const cells = gridCells(new Date(slot.startsAt), new Date(slot.endsAt), ctx.gridMinutes);
  const claimIds = [slotClaim(slot.slotId), ...cells.map((cell) => timeClaim(registration.workerId, cell))];
  const taken = await claimAll(ctx.stores.claims, claimIds, interviewId);
  if (taken === slotClaim(slot.slotId)) throw new KetNoiError('SLOT_TAKEN', 'the slot is already booked', { status: 409, details: { slotId: slot.slotId } });
  if (taken !== null) {
    throw new KetNoiError('WORKER_BUSY', 'the worker has another interview at that time', { status: 409, details: { slotId: slot.slotId } });
  }
  const at = ctx.now().toISOString();
  const place = slot.mode === 'in-person' ? venueText(fair.venue, booth.label) : undefined;
  const state: InterviewState = {
    interviewId,
    fairId: fair.fairId,
    slotId: slot.slotId,
    boothId: booth.boothId,
    boothLabel: booth.label,
    employerId: booth.employerId,
    employerName: booth.employerName,
    registrationId: registration.registrationId,
    workerId: registration.workerId,
    vacancyId,
    vacancyTitle: ctx.projections.vacancies.get(vacancyId)?.title ?? vacancyId,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    mode: slot.mode,
    ...(place ? { place } : {}),
    ...(slot.meetingLink ? { meetingLink: slot.meetingLink } : {}),
    status: 'scheduled',
    claimIds,
    bookedAt: at,
  };
  try {
    const saved = await ctx.stores.interviews.save({
      id: interviewId,
      expectedVersion: 0,
      state,
      events: [pendingEvent(jobFairsTopic, { type: 'jobfair.interview.scheduled', subject: fair.fairId, data: interviewEvent(state, 1, fair.title, at) })],
    });
    ctx.kick();
    return saved;
  } catch (error) {
    await release(ctx.stores.claims, claimIds);
    throw error;
  }
}

export async function getInterview(ctx: JobFairsContext, interviewId: string): Promise<AggregateVersion<InterviewState>> {
  const interview = await ctx.stores.interviews.get(interviewId);
  if (!interview) throw notFound('interview', { details: { interviewId } });
  return interview;
}

/** Cancels a scheduled interview and frees the slot and the worker's time. */
export async function cancelInterview(
  ctx: JobFairsContext,
  interview: AggregateVersion<InterviewState>,
  reason: 'worker-cancelled' | 'employer-cancelled' | 'fair-cancelled',
): Promise<AggregateVersion<InterviewState>> {
  if (interview.state.status === 'cancelled') return interview;
  if (interview.state.status !== 'scheduled') {
    throw new KetNoiError('INTERVIEW_NOT_CANCELLABLE', `the interview is ${interview.state.status}`, { status: 409 });
  }
  const fair = await getFair(ctx, interview.state.fairId);
  const i = interview.state;
  const version = interview.version + 1;
  const saved = await ctx.stores.interviews.save({
    id: i.interviewId,
    expectedVersion: interview.version,
    state: { ...i, status: 'cancelled' },
    events: [
      pendingEvent(jobFairsTopic, {
        type: 'jobfair.interview.cancelled',
        subject: i.fairId,
        data: {
          fairId: i.fairId,
          interviewId: i.interviewId,
          version,
          slotId: i.slotId,
          boothId: i.boothId,
          workerId: i.workerId,
          employerId: i.employerId,
          employerName: i.employerName,
          vacancyTitle: i.vacancyTitle,
          fairTitle: fair.state.title,
          startsAt: i.startsAt,
          endsAt: i.endsAt,
          reason,
          at: ctx.now().toISOString(),
        },
      }),
    ],
  });
  await release(ctx.stores.claims, i.claimIds);
  ctx.kick();
  return saved;
}
