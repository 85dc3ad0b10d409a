import type { AggregateVersion } from '@ketnoi/service-kit';
import type { FastifyRequest } from 'fastify';
import type { EmployerState } from '../../domain/employer.js';
import { isStaff } from '../../use-cases/access.js';
import { singleFlight } from '../../repositories/single-flight.js';
import type { UseCaseContext } from '../../use-cases/context.js';

export type EmployerRead = Promise<AggregateVersion<EmployerState> | null>;

const reads = new WeakMap<FastifyRequest, { employerId: string; read: EmployerRead }>();

/**
 * Starts reading the employer a new vacancy names before the Idempotency-Key
 * is claimed (preValidation runs before that preHandler), so the two round trips overlap instead of
 * following each other; concurrent posts for one employer share the read
 * (an employer's HR system posting many at once costs one). Only a start:
 * the handler checks the body and the principal as before and uses the read
 * only for the employer it settles on.
 */
export function prefetchEmployer(ctx: () => UseCaseContext) {
  const readEmployer = singleFlight((employerId: string) => ctx().stores.employers.get(employerId));
  return async function prefetch(request: FastifyRequest): Promise<void> {
    const principal = request.principal;
    if (principal === null) return;
    const named = (request.body as { employerId?: unknown } | undefined)?.employerId;
    const employerId = isStaff(principal) ? named : principal.employerId;
    if (typeof employerId !== 'string') return;
    const read = readEmployer(employerId);
    // Answered by the handler (awaited there) or not needed (a replayed request): never unhandled.
    read.catch(() => undefined);
    reads.set(request, { employerId, read });
  };
}

/** The read started for `employerId`, if there is one. */
export function prefetchedEmployer(request: FastifyRequest, employerId: string): EmployerRead | undefined {
  const started = reads.get(request);
  return started?.employerId === employerId ? started.read : undefined;
}
