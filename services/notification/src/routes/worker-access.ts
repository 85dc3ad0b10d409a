import { forbidden } from '@ketnoi/errors';
import { principalOf } from '@ketnoi/service-kit';
import type { FastifyRequest } from 'fastify';

/**
 * Staff and admins reach any worker's notification data; a worker reaches
 * their own with a token whose subject is `worker:<workerId>` (what a portal
 * login will issue).
 */
export function mayActFor(request: FastifyRequest, workerId: string): void {
  const principal = principalOf(request);
  const staff = principal.roles.includes('staff') || principal.roles.includes('admin');
  if (!staff && principal.sub !== `worker:${workerId}`) throw forbidden('Not this worker\'s notifications');
}
