import { vacancyTerms } from '@ketnoi/contracts';
import { notFound } from '@ketnoi/errors';
import type { AggregateVersion } from '@ketnoi/service-kit';
import { assertActive, type EmployerState } from '../domain/employer.js';
import { newId } from '../domain/ids.js';
import { closeVacancy, openVacancy, reviseVacancy, type CloseReason, type VacancyChange, type VacancyState } from '../domain/vacancy.js';
import { vacancyEvents } from '../domain/vacancy-events.js';
import { assertAcceptableTerms } from '../domain/vacancy-rules.js';
import type { VacancyTerms } from '../domain/vacancy-terms.js';
import { vietnamDate } from '../domain/vietnam-time.js';
import { saveVacancy } from '../repositories/vacancy-heads.js';
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

/** Opens a vacancy for an active employer, after every rule (`employerRead`: the employer's head, already being read). */
export async function createVacancy(
  ctx: UseCaseContext,
  employerId: string,
  terms: VacancyTerms,
  employerRead?: Promise<AggregateVersion<EmployerState> | null>,
): Promise<Vacancy> {
  const employer = employerRead === undefined ? await getEmployer(ctx, employerId) : await employerRead;
  if (employer === null) throw notFound('Employer');
  assertActive(employer.state);
  assertAcceptableTerms(terms, termsContext(ctx));
  const now = ctx.now();
  const change = openVacancy({ employerId, fdi: employer.state.fdi, vsicSector: employer.state.vsicSector }, terms, now);
  return saveChange(ctx, newId('vac', now.getTime()), 0, change);
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
