import { PRIORITY_GROUP_KEYS } from '@ketnoi/contracts';
import type { WorkerProjection } from './projections.js';
import { ageBandOf } from './age-band.js';

/** The groups the exposure audit follows: the plan's priority groups, women, and both youth definitions. */
export const EXPOSURE_GROUPS = [
  ...PRIORITY_GROUP_KEYS,
  'female',
  'youth-15-24',
  'youth-15-29',
] as const;
export type ExposureGroup = (typeof EXPOSURE_GROUPS)[number];

/** The worker's age band on a day: from the birth month, or the band frozen at erasure. */
export const bandOf = (worker: WorkerProjection, day: string): string => worker.ageBand ?? ageBandOf(worker.birthMonth, day);

/** The exposure groups a worker belongs to on a day (a youth band is an age on that day). */
export function traitsOf(worker: WorkerProjection, day: string): string[] {
  const groups: string[] = Object.entries(worker.priority)
    .filter(([, member]) => member)
    .map(([group]) => group);
  if (worker.gender === 'female') groups.push('female');
  const band = bandOf(worker, day);
  if (band === '15-24') groups.push('youth-15-24', 'youth-15-29');
  if (band === '25-29') groups.push('youth-15-29');
  return groups;
}
