import { notFound } from '@ketnoi/errors';
import type { Principal } from '@ketnoi/service-kit';

export const isStaff = (principal: Principal): boolean => principal.roles.some((role) => role === 'staff' || role === 'admin');

/**
 * Object-level authorisation: staff act for any employer, an employer only
 * for its own booths. Someone else's booth answers 404, as if it did not exist.
 */
export function assertActsFor(principal: Principal, employerId: string, what: string): void {
  if (isStaff(principal)) return;
  if (principal.employerId !== employerId) throw notFound(what);
}
