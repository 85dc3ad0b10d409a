import type { WorkerContact, WorkerSnapshot } from '@ketnoi/contracts';
import type { PersonalFields, WorkerState } from './worker-state.js';
import type { WorkerProfile } from './types.js';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** Years of work in the history, overlapping jobs counted once per job (a fair upper bound). */
export function experienceYears(history: WorkerProfile['workHistory'], today: string): number {
  const total = history.reduce((sum, job) => sum + (Date.parse(job.to ?? today) - Date.parse(job.from)) / YEAR_MS, 0);
  return Math.min(60, Math.max(0, Math.round(total * 10) / 10));
}

const lookingStatus = (state: WorkerState): WorkerSnapshot['status'] =>
  state.status !== 'active' || state.profile?.employmentStatus === 'not-looking' ? 'not-looking' : 'looking';

/** What matching and analytics may know: no name, contact, citizen-ID, birth date or ethnicity. */
export function toSnapshot(workerId: string, version: number, state: WorkerState, today: string): WorkerSnapshot {
  const profile = state.profile;
  if (!profile) throw new Error('an erased worker has no snapshot');
  return {
    workerId,
    version,
    status: lookingStatus(state),
    employmentStatus: profile.employmentStatus,
    consentToMatching: state.consents.matching.granted,
    birthMonth: state.birthMonth,
    gender: state.gender,
    communeCode: state.communeCode,
    ...(state.formerDistrictCode === undefined ? {} : { formerDistrictCode: state.formerDistrictCode }),
    desiredOccupations: profile.desiredOccupations,
    skills: profile.skills,
    certificates: profile.certificates.map((c) => c.code),
    qualification: profile.qualification,
    ...(profile.qualificationField === undefined ? {} : { qualificationField: profile.qualificationField }),
    languages: profile.languages,
    experienceYears: experienceYears(profile.workHistory, today),
    ...(profile.expectedWageVnd === undefined ? {} : { expectedWageVnd: profile.expectedWageVnd }),
    ...(profile.maxCommuteKm === undefined ? {} : { maxCommuteKm: profile.maxCommuteKm }),
    willingToRelocate: profile.willingToRelocate,
    shifts: profile.shifts,
    priority: state.priority,
    registeredAt: state.registeredAt,
  };
}

/** How to reach the worker: for the notification service only. */
export function toContact(workerId: string, version: number, state: WorkerState, personal: PersonalFields, at: string): WorkerContact {
  const profile = state.profile;
  if (!profile) throw new Error('an erased worker has no contact');
  return {
    workerId,
    version,
    fullName: personal.fullName,
    ...(personal.phone === undefined ? {} : { phone: personal.phone }),
    ...(personal.email === undefined ? {} : { email: personal.email }),
    preferredLanguage: profile.preferredLanguage,
    channels: profile.notificationChannels,
    consentToNotifications: state.consents.notifications.granted,
    communeCode: state.communeCode,
    updatedAt: at,
  };
}
