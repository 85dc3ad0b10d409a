import { notFound } from '@ketnoi/errors';
import { KetNoiError } from '@ketnoi/errors';
import { workerErased } from '../domain/erasure.js';
import { candidacyIdOf, outcomeEvent, recordOutcome, type CandidacyState, type OutcomeInput } from '../domain/candidacy.js';
import { recordHire, type Hire } from '../domain/vacancy.js';
import type { UseCaseContext } from './context.js';
import { retryOnConflict } from './retry-on-conflict.js';
import { getVacancy, saveChange, type Vacancy } from './vacancies.js';

async function assertNotErased(ctx: UseCaseContext, workerId: string): Promise<void> {
  if ((await ctx.stores.erasedWorkers.ownerOf(workerId)) !== undefined) throw workerErased();
}

/**
 * Hires a worker. The vacancy is the consistency boundary: the new head
 * count, the placement event and (for the last position) the close are one
 * version document, so none happens without the others. `retried`: an
 * earlier attempt of this same request (same Idempotency-Key) ran and may
 * have recorded the hire before failing, so a worker already hired is that
 * hire, answered as done instead of 409.
 */
export async function hireWorker(ctx: UseCaseContext, vacancyId: string, hire: Hire, retried = false): Promise<Vacancy> {
  await assertNotErased(ctx, hire.workerId);
  return retryOnConflict(async () => {
    const vacancy = await getVacancy(ctx, vacancyId);
    if (retried && vacancy.state.hiredWorkerIds.includes(hire.workerId)) return vacancy;
    return saveChange(ctx, vacancyId, vacancy.version, recordHire(vacancy.state, hire, ctx.now()));
  });
}

export interface RecordedOutcome {
  candidacyId: string;
  version: number;
  state: CandidacyState;
  duplicate: boolean;
}

/** Records a candidate's outcome (shortlisted, interviewed, rejected, no-show) as the candidacy's next version. */
export async function recordCandidateOutcome(ctx: UseCaseContext, vacancy: Vacancy, workerId: string, input: OutcomeInput): Promise<RecordedOutcome> {
  if (vacancy.state.hiredWorkerIds.includes(workerId)) {
    throw new KetNoiError('ALREADY_HIRED', 'This worker is already hired for this vacancy', { status: 409 });
  }
  await assertNotErased(ctx, workerId);
  const candidacyId = candidacyIdOf(vacancy.id, workerId);
  return retryOnConflict(async () => {
    const current = await ctx.stores.candidacies.get(candidacyId);
    const base: CandidacyState = current?.state ?? { vacancyId: vacancy.id, workerId, employerId: vacancy.state.employerId, outcomes: [] };
    const next = recordOutcome(base, input, ctx.now());
    if (next === null) return { candidacyId, version: current!.version, state: base, duplicate: true };
    const version = (current?.version ?? 0) + 1;
    await ctx.stores.candidacies.save({ id: candidacyId, expectedVersion: version - 1, state: next, events: [outcomeEvent(candidacyId, version, next)] });
    ctx.kick(ctx.stores.candidacies.versions);
    return { candidacyId, version, state: next, duplicate: false };
  });
}

export async function getCandidacy(ctx: UseCaseContext, vacancyId: string, workerId: string) {
  const candidacy = await ctx.stores.candidacies.get(candidacyIdOf(vacancyId, workerId));
  if (!candidacy) throw notFound('Candidacy');
  return candidacy;
}
