import { createHash, randomBytes } from 'node:crypto';

/** A new random id with a readable prefix, e.g. `fair_3f9c…`. */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;

/** An id derived from its parts: the same parts always give the same id (so a repeat collides). */
export const derivedId = (prefix: string, ...parts: string[]): string =>
  `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 26)}`;

/** One registration per worker and fair. */
export const registrationIdOf = (fairId: string, workerId: string): string => derivedId('reg', fairId, workerId);

/** The same id vacancy-intake gives a hire of this worker in this vacancy, so a hire recorded twice is one placement. */
export const placementIdOf = (vacancyId: string, workerId: string): string => derivedId('plc', vacancyId, workerId);

/** matching's id of a (vacancy, worker) pair. */
export const matchIdOf = (vacancyId: string, workerId: string): string => `${vacancyId}:${workerId}`;
