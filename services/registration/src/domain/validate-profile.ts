import { ADULT_AGE, MIN_WORKING_AGE, ageOn } from './age.js';
import { checkCitizenId } from './citizen-id.js';
import { normaliseName } from './person-name.js';
import { normaliseMobile } from './phone.js';
import type { ReferenceLookup } from './reference-lookup.js';
import type { WorkerProfile } from './types.js';

export interface ProfileIssue {
  path: string;
  message: string;
}

export interface CheckedProfile {
  profile: WorkerProfile;
  /** A minor (15-17): matched only to work the law allows minors to do. */
  minor: boolean;
}

type Check = (profile: WorkerProfile, refs: ReferenceLookup, today: string) => ProfileIssue[];

const ageChecks: Check = (p, _refs, today) => {
  if (p.dateOfBirth > today) return [{ path: 'dateOfBirth', message: 'is in the future' }];
  const age = ageOn(p.dateOfBirth, today);
  if (age < MIN_WORKING_AGE) return [{ path: 'dateOfBirth', message: `under the legal working age of ${MIN_WORKING_AGE}` }];
  if (age > 100) return [{ path: 'dateOfBirth', message: 'more than 100 years ago' }];
  return [];
};

const identityChecks: Check = (p, refs) => [
  ...checkCitizenId(p.citizenId, p, (code) => refs.isCccdProvince(code)),
  ...(refs.isEthnicGroup(p.ethnicity) ? [] : [{ path: 'ethnicity', message: 'is not one of the 54 ethnic groups' }]),
];

const referenceChecks: Check = (p, refs) => [
  ...(refs.communeDistrict(p.address.communeCode) === undefined
    ? [{ path: 'address.communeCode', message: 'is not a commune or ward of the province' }]
    : []),
  ...p.desiredOccupations.flatMap((code, i) =>
    refs.isOccupation(code) ? [] : [{ path: `desiredOccupations.${i}`, message: `${code} is not an ISCO-08 code` }],
  ),
  ...p.skills.flatMap((s, i) => (refs.isSkill(s.code) ? [] : [{ path: `skills.${i}.code`, message: `${s.code} is not a known skill` }])),
  ...p.certificates.flatMap((c, i) =>
    refs.isCertificate(c.code) ? [] : [{ path: `certificates.${i}.code`, message: `${c.code} is not a known certificate` }],
  ),
  ...(p.workAbroad?.occupationCode && !refs.isOccupation(p.workAbroad.occupationCode)
    ? [{ path: 'workAbroad.occupationCode', message: 'is not an ISCO-08 code' }]
    : []),
];

const consistencyChecks: Check = (p, _refs, today) => [
  ...(p.demobilised && (p.demobilised.date > today || p.demobilised.date < p.dateOfBirth)
    ? [{ path: 'demobilised.date', message: 'must lie between the date of birth and today' }]
    : []),
  ...p.workHistory.flatMap((job, i) =>
    job.to !== undefined && job.to < job.from ? [{ path: `workHistory.${i}.to`, message: 'is before from' }] : [],
  ),
  ...(p.notificationChannels.sms && !p.phone ? [{ path: 'notificationChannels.sms', message: 'needs a phone number' }] : []),
  ...(p.notificationChannels.email && !p.email ? [{ path: 'notificationChannels.email', message: 'needs an email address' }] : []),
];

/**
 * Normalises a profile (NFC name, E.164 phone, lower-case email, former
 * district from the commune) and checks what the schema alone cannot: the
 * citizen-ID against the person, ages, and every reference code.
 */
export function checkProfile(
  input: WorkerProfile,
  refs: ReferenceLookup,
  today: string,
): { ok: true; value: CheckedProfile } | { ok: false; issues: ProfileIssue[] } {
  const phone = input.phone === undefined ? undefined : normaliseMobile(input.phone);
  const district = refs.communeDistrict(input.address.communeCode);
  const profile: WorkerProfile = {
    ...input,
    fullName: normaliseName(input.fullName),
    ...(phone === undefined ? {} : { phone }),
    ...(input.email === undefined ? {} : { email: input.email.toLowerCase() }),
    address: { ...input.address, ...(district ? { formerDistrictCode: district } : {}) },
  };
  const issues = [
    ...(input.phone !== undefined && phone === undefined ? [{ path: 'phone', message: 'is not a Vietnamese mobile number' }] : []),
    ...[ageChecks, identityChecks, referenceChecks, consistencyChecks].flatMap((check) => check(profile, refs, today)),
  ];
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { profile, minor: ageOn(profile.dateOfBirth, today) < ADULT_AGE } };
}
