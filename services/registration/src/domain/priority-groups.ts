import type { PriorityGroups, WorkerProfile } from './types.js';
import { ageOn } from './age.js';

/** Law on Youth 2020: a young person is aged 16 to 30. */
export const YOUTH_AGES = { from: 16, to: 30 } as const;
/** The Kinh majority's code among the 54 ethnic groups. */
export const KINH = '01';

/** The plan's priority groups a worker belongs to, from their profile. */
export function priorityGroupsOf(profile: WorkerProfile, today: string): PriorityGroups {
  const age = ageOn(profile.dateOfBirth, today);
  return {
    poorHousehold: profile.householdStatus === 'poor',
    nearPoorHousehold: profile.householdStatus === 'near-poor',
    recentlyOutOfPoverty: profile.householdStatus === 'recently-out-of-poverty',
    ethnicMinority: profile.ethnicity !== KINH,
    disability: profile.disability,
    backFromAbroad: profile.workAbroad !== undefined,
    demobilised: profile.demobilised !== undefined,
    youth: age >= YOUTH_AGES.from && age <= YOUTH_AGES.to,
  };
}
