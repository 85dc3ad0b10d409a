import { jobFairsTopic, placementsTopic } from '@ketnoi/contracts';
import { KetNoiError } from '@ketnoi/errors';
import { pendingEvent, type AggregateVersion, type PendingEvent } from '@ketnoi/service-kit';
import { placementIdOf } from '../domain/ids.js';
import type { InterviewState } from '../domain/model.js';
import { outcomeStep, type OutcomeKind } from '../domain/outcomes.js';
import type { JobFairsContext } from './context.js';
import { getRegistration } from './registrations.js';

export interface OutcomeInput {
  outcome: OutcomeKind;
  startDate?: string | undefined;
  wageVnd?: number | undefined;
}

export type OutcomeResult = { interview: AggregateVersion<InterviewState>; duplicate: boolean };

/**
 * Records what came of an interview. A hire is also a placement on
 * placements.v1, with the id vacancy-intake would give it, so a hire recorded
 * there too counts once.
 */
export async function recordOutcome(ctx: JobFairsContext, interview: AggregateVersion<InterviewState>, input: OutcomeInput): Promise<OutcomeResult> {
  const step = outcomeStep(interview.state.status, input.outcome);
  if (step.kind === 'duplicate') return { interview, duplicate: true };
  if (step.kind === 'refused') throw new KetNoiError('OUTCOME_NOT_ALLOWED', step.reason, { status: 409 });
  const i = interview.state;
  const { priority } = (await getRegistration(ctx, i.registrationId)).state;
  const version = interview.version + 1;
  const at = ctx.now().toISOString();
  const placementId = input.outcome === 'hired' ? placementIdOf(i.vacancyId, i.workerId) : undefined;
  const events: PendingEvent[] = [
    pendingEvent(jobFairsTopic, {
      type: 'jobfair.outcome-recorded',
      subject: i.fairId,
      data: {
        fairId: i.fairId,
        interviewId: i.interviewId,
        version,
        boothId: i.boothId,
        employerId: i.employerId,
        vacancyId: i.vacancyId,
        workerId: i.workerId,
        outcome: input.outcome,
        priority,
        ...(placementId ? { placementId } : {}),
        at,
      },
    }),
  ];
  if (placementId) {
    const matchId = ctx.projections.match(i.vacancyId, i.workerId)?.matchId;
    events.push(
      pendingEvent(placementsTopic, {
        type: 'placement.recorded',
        subject: i.vacancyId,
        data: {
          placementId,
          version: 1,
          vacancyId: i.vacancyId,
          workerId: i.workerId,
          employerId: i.employerId,
          hiredAt: at,
          ...(input.startDate ? { startDate: input.startDate } : {}),
          ...(input.wageVnd === undefined ? {} : { wageVnd: input.wageVnd }),
          ...(matchId ? { matchId } : {}),
        },
      }),
    );
  }
  const saved = await ctx.stores.interviews.save({
    id: i.interviewId,
    expectedVersion: interview.version,
    state: { ...i, status: step.status, ...(placementId ? { placementId } : {}) },
    events,
  });
  ctx.kick();
  return { interview: saved, duplicate: false };
}
