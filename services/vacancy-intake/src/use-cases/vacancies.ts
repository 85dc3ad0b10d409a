import { vacancyTerms } from '@ketnoi/contracts';
import { KetNoiError, notFound } from '@ketnoi/errors';
import type { AggregateVersion } from '@ketnoi/service-kit';
import { assertActive, type EmployerState } from '../domain/employer.js';
import { newId } from '../domain/ids.js';
import { closeVacancy, openVacancy, reviseVacancy, type CloseReason, type VacancyChange, type VacancyState } from '../domain/vacancy.js';
import { vacancyEvents } from '../domain/vacancy-events.js';
import { assertAcceptableTerms } from '../domain/vacancy-rules.js';
import type { VacancyTerms } from '../domain/vacancy-terms.js';
import { vietnamDate } from '../domain/vietnam-time.js';
import { repairVacancyHead, saveVacancy } from '../repositories/vacancy-heads.js';
import type { UseCaseContext } from './context.js';
import { assertVersion } from './version-check.js';
import { getEmployer } from './employers.js';

export type Vacancy = AggregateVersion<VacancyState>;

export async function getVacancy(ctx: UseCaseContext, vacancyId: string): Promise<Vacancy> {
  const vacancy = await ctx.stores.vacancies.get(vacancyId);
  if (!vacancy) throw notFound('Vacancy');
  return vacancy;
}

/** Saves a change as the next version, with its events in the same document. */
export async function saveChange(ctx: UseCaseContext, vacancyId: string, expectedVersion: number, change: VacancyChange): Promise<Vacancy> {
  const events = vacancyEvents(vacancyId, expectedVersion + 1, change, ctx.now());
  const saved = await saveVacancy(ctx.stores.vacancies, { id: vacancyId, expectedVersion, state: change.state, events });
  ctx.kick(ctx.stores.vacancies.versions);
  return saved;
}

export const termsContext = (ctx: UseCaseContext, previous?: VacancyTerms) => ({
  today: vietnamDate(ctx.now()),
  references: ctx.references,
  ...(previous === undefined ? {} : { previous }),
});

/** A fresh vacancy id (sortable by when it was drawn). */
export const newVacancyId = (ctx: UseCaseContext): string => newId('vac', ctx.now().getTime());

/**
 * What names a new vacancy. A request with an Idempotency-Key passes
 * `request.idempotentId`: every attempt of it gets the id of the first, so a
 * re-run (after a 5xx released the key, or a crash abandoned it, once the
 * vacancy was already written) meets that vacancy instead of opening another.
 */
export type VacancyIdOf = (candidate: string) => Promise<string>;

/**
 * Opens a vacancy for an active employer, after every rule (`employerRead`:
 * the employer's head, already being read). With `idOf`, an id whose vacancy
 * already exists answers with that vacancy (an earlier attempt of the same
 * request opened it).
 */
export async function createVacancy(
  ctx: UseCaseContext,
  employerId: string,
  terms: VacancyTerms,
  employerRead?: Promise<AggregateVersion<EmployerState> | null>,
  idOf?: VacancyIdOf,
): Promise<Vacancy> {
  const now = ctx.now();
  const candidate = newVacancyId(ctx);
  // The id is stored while the employer is read: the two round trips overlap.
  const [employer, vacancyId] = await Promise.all([
    employerRead === undefined ? getEmployer(ctx, employerId) : employerRead,
    idOf === undefined ? candidate : idOf(candidate),
  ]);
  if (employer === null) throw notFound('Employer');
  assertActive(employer.state);
  assertAcceptableTerms(terms, termsContext(ctx));
  const change = openVacancy({ employerId, fdi: employer.state.fdi, vsicSector: employer.state.vsicSector }, terms, now);
  try {
    return await saveChange(ctx, vacancyId, 0, change);
  } catch (error) {
    if (idOf === undefined || !(error instanceof KetNoiError) || error.code !== 'ALREADY_EXISTS') throw error;
  }
  return openedEarlier(ctx, vacancyId);
}

/**
 * The vacancy an earlier attempt of the same request opened (it may still be
 * running). Its head is written after its first version: when that attempt
 * stopped in between (a crash, a failed write), the store rebuilds the head
 * from the stored version, so the vacancy can be read and changed.
 */
async function openedEarlier(ctx: UseCaseContext, vacancyId: string): Promise<Vacancy> {
  const head = await ctx.stores.vacancies.get(vacancyId);
  if (head !== null) return head;
  const repaired = await repairVacancyHead(ctx.stores.vacancies, vacancyId);
  if (repaired === null) throw new KetNoiError('VACANCY_INCOMPLETE', `${vacancyId} exists but its first version cannot be read yet`, { status: 503, retriable: true });
  return repaired;
}

/** Replaces the terms of the version the caller saw (`next`: the patched terms); unchanged terms change nothing. */
export async function updateVacancy(ctx: UseCaseContext, vacancy: Vacancy, expectedVersion: number, next: unknown): Promise<Vacancy> {
  assertVersion(vacancy, expectedVersion);
  // A ZodError answers 400 with a pointer to each bad field.
  const terms = vacancyTerms.parse(next);
  assertAcceptableTerms(terms, termsContext(ctx, vacancy.state.terms));
  assertActive((await getEmployer(ctx, vacancy.state.employerId)).state);
  const change = reviseVacancy(vacancy.state, terms, ctx.now());
  return change === null ? vacancy : saveChange(ctx, vacancy.id, expectedVersion, change);
}

export async function closeVacancyAs(
  ctx: UseCaseContext,
  vacancy: Vacancy,
  expectedVersion: number,
  reason: CloseReason,
  note: string | undefined,
): Promise<Vacancy> {
  assertVersion(vacancy, expectedVersion);
  return saveChange(ctx, vacancy.id, expectedVersion, closeVacancy(vacancy.state, reason, note, ctx.now()));
}
