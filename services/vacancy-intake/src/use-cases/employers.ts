import { conflict, notFound } from '@ketnoi/errors';
import type { AggregateVersion } from '@ketnoi/service-kit';
import { registerEmployer, reviseEmployer, type EmployerProfile, type EmployerState } from '../domain/employer.js';
import { employerEvents } from '../domain/employer-events.js';
import { newId } from '../domain/ids.js';
import type { UseCaseContext } from './context.js';
import { assertVersion } from './version-check.js';

export async function getEmployer(ctx: UseCaseContext, employerId: string): Promise<AggregateVersion<EmployerState>> {
  const employer = await ctx.stores.employers.get(employerId);
  if (!employer) throw notFound('Employer');
  return employer;
}

/**
 * Registers an employer. The tax code is claimed first (unique insert); a
 * claim whose employer was never saved (a crash in between) is taken over by
 * the retry, so the claim and the employer cannot drift apart for good.
 */
export async function registerEmployerFor(
  ctx: UseCaseContext,
  taxCode: string,
  profile: EmployerProfile,
): Promise<AggregateVersion<EmployerState>> {
  const now = ctx.now();
  const change = registerEmployer(taxCode, profile, ctx.references, now);
  const employerId = await ctx.stores.taxCodes.claim(taxCode, newId('emp', now.getTime()));
  if (await ctx.stores.employers.get(employerId)) {
    throw conflict(`An employer with tax code ${taxCode} is already registered`, { details: { employerId } });
  }
  const saved = await ctx.stores.employers.save({ id: employerId, expectedVersion: 0, state: change.state, events: employerEvents(employerId, 1, change, now) });
  ctx.kick(ctx.stores.employers.versions);
  return saved;
}

export async function reviseEmployerProfile(
  ctx: UseCaseContext,
  employerId: string,
  expectedVersion: number,
  next: (current: EmployerState) => EmployerProfile & { status: EmployerState['status'] },
): Promise<AggregateVersion<EmployerState>> {
  const current = await getEmployer(ctx, employerId);
  assertVersion(current, expectedVersion);
  const change = reviseEmployer(current.state, next(current.state), ctx.references);
  if (change === null) return current;
  const now = ctx.now();
  const version = expectedVersion + 1;
  const saved = await ctx.stores.employers.save({ id: employerId, expectedVersion, state: change.state, events: employerEvents(employerId, version, change, now) });
  ctx.kick(ctx.stores.employers.versions);
  return saved;
}
