import { jobFairsTopic } from '@ketnoi/contracts';
import { KetNoiError, notFound, validationError } from '@ketnoi/errors';
import { pendingEvent, type AggregateVersion, type Principal } from '@ketnoi/service-kit';
import { derivedId } from '../domain/ids.js';
import type { BoothState } from '../domain/model.js';
import { assertActsFor, isStaff } from './access.js';
import type { JobFairsContext } from './context.js';
import { getFair, openFair } from './fairs.js';

export interface BoothInput {
  employerId?: string | undefined;
  employerName: string;
  label: string;
  vacancyIds: string[];
}

/** One booth per employer and fair, offering open vacancies of that employer only. */
export async function registerBooth(ctx: JobFairsContext, fairId: string, principal: Principal, input: BoothInput): Promise<AggregateVersion<BoothState>> {
  await openFair(ctx, await getFair(ctx, fairId));
  const employerId = isStaff(principal) ? input.employerId : principal.employerId;
  if (!employerId) throw validationError('staff registering a booth name its employerId', { details: { field: 'employerId' } });
  const problems = input.vacancyIds.flatMap((vacancyId) => {
    const vacancy = ctx.projections.vacancies.get(vacancyId);
    if (!vacancy || vacancy.employerId !== employerId) return [{ vacancyId, problem: 'unknown vacancy of this employer' }];
    return vacancy.status === 'open' ? [] : [{ vacancyId, problem: `vacancy is ${vacancy.status}` }];
  });
  if (problems.length > 0) {
    throw new KetNoiError('VACANCY_NOT_OFFERABLE', 'a booth offers open vacancies of its own employer', { status: 422, details: { problems } });
  }
  const boothId = derivedId('booth', fairId, employerId);
  const state: BoothState = {
    boothId,
    fairId,
    employerId,
    employerName: input.employerName,
    label: input.label,
    vacancyIds: [...new Set(input.vacancyIds)],
    registeredAt: ctx.now().toISOString(),
  };
  const saved = await ctx.stores.booths.save({
    id: boothId,
    expectedVersion: 0,
    state,
    events: [pendingEvent(jobFairsTopic, { type: 'jobfair.booth-registered', subject: fairId, data: { ...state, version: 1 } })],
  });
  ctx.kick();
  return saved;
}

/** A booth its employer (or staff) may act on; anyone else gets 404. */
export async function boothFor(ctx: JobFairsContext, boothId: string, principal: Principal): Promise<BoothState> {
  const booth = await ctx.stores.booths.get(boothId);
  if (!booth) throw notFound('booth', { details: { boothId } });
  assertActsFor(principal, booth.state.employerId, 'booth');
  return booth.state;
}
