import { jobFairsTopic } from '@ketnoi/contracts';
import { conflict, KetNoiError, notFound } from '@ketnoi/errors';
import { pendingEvent, type AggregateVersion } from '@ketnoi/service-kit';
import { registrationIdOf } from '../domain/ids.js';
import type { RegistrationState } from '../domain/model.js';
import { checkInToken, readCheckInToken, selfServiceToken } from '../domain/tokens.js';
import { claimAll, release } from '../repositories/claims.js';
import { listOfFair } from '../repositories/stores.js';
import type { JobFairsContext } from './context.js';
import { getFair, openFair } from './fairs.js';

const seatClaim = (fairId: string, seat: number) => `seat:${fairId}:${seat}`;

/**
 * Takes the first free seat number from the count of registrations up: a
 * seat is a unique claim, so concurrent registrations never exceed capacity.
 */
async function takeSeat(ctx: JobFairsContext, fairId: string, capacity: number, owner: string): Promise<number> {
  const registered = await ctx.stores.registrations.heads.countDocuments({ fairId });
  for (let seat = registered + 1; seat <= capacity; seat += 1) {
    if ((await claimAll(ctx.stores.claims, [seatClaim(fairId, seat)], owner)) === null) return seat;
  }
  throw new KetNoiError('FAIR_FULL', 'the fair has reached its capacity', { status: 409, details: { fairId, capacity } });
}

export async function registerWorker(
  ctx: JobFairsContext,
  fairId: string,
  workerId: string,
  channel: RegistrationState['channel'],
): Promise<AggregateVersion<RegistrationState>> {
  const fair = await openFair(ctx, await getFair(ctx, fairId));
  const worker = ctx.projections.workers.get(workerId);
  if (!worker) throw new KetNoiError('WORKER_UNKNOWN', 'no registered worker with this id', { status: 422, details: { workerId } });
  if (worker.status !== 'looking') {
    throw new KetNoiError('WORKER_NOT_LOOKING', `the worker is ${worker.status}`, { status: 422, details: { workerId } });
  }
  const registrationId = registrationIdOf(fairId, workerId);
  if (await ctx.stores.registrations.get(registrationId)) throw conflict('the worker is already registered for this fair', { details: { registrationId } });
  const seat = await takeSeat(ctx, fairId, fair.state.capacity, registrationId);
  const registeredAt = ctx.now().toISOString();
  const state: RegistrationState = { registrationId, fairId, workerId, channel, seat, priority: worker.priority, consentShared: false, registeredAt };
  try {
    const saved = await ctx.stores.registrations.save({
      id: registrationId,
      expectedVersion: 0,
      state,
      events: [
        pendingEvent(jobFairsTopic, {
          type: 'jobfair.worker-registered',
          subject: fairId,
          data: { fairId, registrationId, workerId, channel, priority: worker.priority, fairTitle: fair.state.title, fairStartsAt: fair.state.startsAt, registeredAt },
        }),
      ],
    });
    ctx.kick();
    return saved;
  } catch (error) {
    await release(ctx.stores.claims, [seatClaim(fairId, seat)]);
    throw error;
  }
}

export async function getRegistration(ctx: JobFairsContext, registrationId: string): Promise<AggregateVersion<RegistrationState>> {
  const registration = await ctx.stores.registrations.get(registrationId);
  if (!registration) throw notFound('registration', { details: { registrationId } });
  return registration;
}

/** The worker agreed that the fair's employers see their profile; repeating it changes nothing. */
export async function shareProfile(ctx: JobFairsContext, registrationId: string): Promise<AggregateVersion<RegistrationState>> {
  const registration = await getRegistration(ctx, registrationId);
  if (registration.state.consentShared) return registration;
  const sharedAt = ctx.now().toISOString();
  const { fairId, workerId } = registration.state;
  const saved = await ctx.stores.registrations.save({
    id: registrationId,
    expectedVersion: registration.version,
    state: { ...registration.state, consentShared: true, sharedAt },
    events: [pendingEvent(jobFairsTopic, { type: 'jobfair.consent-shared', subject: fairId, data: { fairId, registrationId, workerId, sharedAt } })],
  });
  ctx.kick();
  return saved;
}

export type CheckInResult = { registration: AggregateVersion<RegistrationState>; alreadyCheckedIn: boolean };

/** Checks a worker in by the code on their QR; a second scan answers alreadyCheckedIn. */
export async function checkIn(ctx: JobFairsContext, fairId: string, token: string): Promise<CheckInResult> {
  const read = readCheckInToken(ctx.signer, token);
  if (!read || read.fairId !== fairId) throw new KetNoiError('INVALID_CHECK_IN_CODE', 'this code is not a check-in code of this fair', { status: 422 });
  await openFair(ctx, await getFair(ctx, fairId));
  const registration = await getRegistration(ctx, read.registrationId);
  if (registration.state.checkedInAt) return { registration, alreadyCheckedIn: true };
  const checkedInAt = ctx.now().toISOString();
  const { workerId, priority, registrationId } = registration.state;
  const saved = await ctx.stores.registrations.save({
    id: registrationId,
    expectedVersion: registration.version,
    state: { ...registration.state, checkedInAt },
    events: [pendingEvent(jobFairsTopic, { type: 'jobfair.checked-in', subject: fairId, data: { fairId, registrationId, workerId, priority, checkedInAt } })],
  });
  ctx.kick();
  return { registration: saved, alreadyCheckedIn: false };
}

export const checkInCode = (ctx: JobFairsContext, registration: RegistrationState): string =>
  checkInToken(ctx.signer, registration.fairId, registration.registrationId);

export function selfServiceLink(ctx: JobFairsContext, fairId: string, workerId: string): { token: string; expiresAt: string } {
  const expiresAt = new Date(ctx.now().getTime() + ctx.linkTtlHours * 3600_000);
  return { token: selfServiceToken(ctx.signer, fairId, workerId, expiresAt), expiresAt: expiresAt.toISOString() };
}

export const registrationsOf = (ctx: JobFairsContext, fairId: string): Promise<RegistrationState[]> =>
  listOfFair(ctx.stores.registrations, fairId);
