// The services' own rules, so the tests prove the demo is accepted, not just shaped right.
import type { WorkerProfile, WorkerSnapshot } from '@ketnoi/contracts';
import { vacancyTerms } from '@ketnoi/contracts';
import { createReferenceData } from '@ketnoi/reference-data';
import { priorityGroupsOf } from '../../../services/registration/src/domain/priority-groups.js';
import { toSnapshot } from '../../../services/registration/src/domain/to-events.js';
import { checkProfile } from '../../../services/registration/src/domain/validate-profile.js';
import { referenceLookup } from '../../../services/registration/src/reference/reference-lookup.js';
import { registerEmployer } from '../../../services/vacancy-intake/src/domain/employer.js';
import { assertAcceptableTerms } from '../../../services/vacancy-intake/src/domain/vacancy-rules.js';
import { referencesFromConfig } from '../../../services/vacancy-intake/src/references.js';
import { registerEmployerBody } from '../../../services/vacancy-intake/src/routes/employers/schemas.js';
import { createVacancyBody } from '../../../services/vacancy-intake/src/routes/vacancies/schemas.js';

const registrationRefs = referenceLookup(createReferenceData());
const intakeRefs = referencesFromConfig();

/** What registration finds wrong with a profile (HTTP and ingest run the same check). */
export function registrationIssues(profile: WorkerProfile, today: string): { path: string; message: string }[] {
  const checked = checkProfile(profile, registrationRefs, today);
  return checked.ok ? [] : checked.issues;
}

/** Throws unless vacancy-intake would register the employer (body schema, tax code, VSIC, park in commune…). */
export function assertEmployerAccepted(body: unknown, today: string): void {
  const { taxCode, address, ...profile } = registerEmployerBody.parse(body);
  registerEmployer(taxCode, { ...profile, communeCode: address.communeCode, ...(address.street ? { street: address.street } : {}) }, intakeRefs, new Date(`${today}T03:00:00Z`));
}

/** Throws unless vacancy-intake would open the vacancy (strict body, forbidden requirements, wage, dates, references). */
export function assertVacancyAccepted(body: unknown, today: string): void {
  const { employerId: _employerId, ...terms } = createVacancyBody.parse(body);
  assertAcceptableTerms(vacancyTerms.parse(terms), { today, references: intakeRefs });
}

/** Registration's own snapshot of a worker just registered (active, version 1) from this profile. */
export function registrationSnapshot(workerId: string, profile: WorkerProfile, today: string, registeredAt: string): WorkerSnapshot {
  const checked = checkProfile(profile, registrationRefs, today);
  if (!checked.ok) throw new Error(`profile refused: ${JSON.stringify(checked.issues)}`);
  const p = checked.value.profile;
  const granted = (value: boolean) => ({ granted: value, at: registeredAt, channel: p.consents.channel });
  const state = {
    status: 'active',
    profile: p,
    birthMonth: p.dateOfBirth.slice(0, 7),
    gender: p.gender,
    communeCode: p.address.communeCode,
    ...(p.address.formerDistrictCode === undefined ? {} : { formerDistrictCode: p.address.formerDistrictCode }),
    consents: { matching: granted(p.consents.matching), notifications: granted(p.consents.notifications), shareProfile: granted(p.consents.shareProfile) },
    priority: priorityGroupsOf(p, today),
    minor: checked.value.minor,
    externalRefs: [],
    registeredAt,
  } as unknown as Parameters<typeof toSnapshot>[2];
  return toSnapshot(workerId, 1, state, today);
}
