import type { Sealed } from '../crypto/aes-gcm.js';
import type { PriorityGroups, WorkerProfile } from './types.js';

/** The fields that identify a person: sealed with the worker's own data key. */
export type PersonalFields = Pick<WorkerProfile, 'fullName' | 'citizenId' | 'dateOfBirth' | 'phone' | 'email' | 'ethnicity'> & {
  addressDetail?: string;
};

export type NonPersonalProfile = Omit<WorkerProfile, keyof PersonalFields | 'address' | 'consents'>;

export interface GivenConsent {
  granted: boolean;
  at: string;
  channel: WorkerProfile['consents']['channel'];
}

export type WorkerStatus = 'active' | 'withdrawn' | 'erased';

/**
 * One version of a worker as stored. Nothing here identifies the person in
 * clear: the personal fields are sealed, and erasing the data key makes every
 * stored version of them unreadable at once.
 */
export interface WorkerState {
  status: WorkerStatus;
  personal?: Sealed;
  profile?: NonPersonalProfile;
  birthMonth: string;
  gender: WorkerProfile['gender'];
  communeCode: string;
  formerDistrictCode?: string;
  consents: { matching: GivenConsent; notifications: GivenConsent; shareProfile: GivenConsent };
  priority: PriorityGroups;
  minor: boolean;
  externalRefs: string[];
  /** Ids of the last ingest events that changed the worker (applied-events.ts). */
  appliedEvents?: string[];
  registeredAt: string;
  erasedAt?: string;
}

export function splitProfile(profile: WorkerProfile): { personal: PersonalFields; rest: NonPersonalProfile } {
  const { fullName, citizenId, dateOfBirth, phone, email, ethnicity, address, consents: _consents, ...rest } = profile;
  const personal: PersonalFields = { fullName, citizenId, dateOfBirth, ethnicity };
  if (phone !== undefined) personal.phone = phone;
  if (email !== undefined) personal.email = email;
  if (address.detail !== undefined) personal.addressDetail = address.detail;
  return { personal, rest };
}

/** The profile as staff see it again, from the stored state and the opened personal fields. */
export function joinProfile(state: WorkerState, personal: PersonalFields): WorkerProfile {
  const { addressDetail, ...identity } = personal;
  if (!state.profile) throw new Error('an erased worker has no profile');
  return {
    ...state.profile,
    ...identity,
    address: {
      communeCode: state.communeCode,
      ...(addressDetail === undefined ? {} : { detail: addressDetail }),
      ...(state.formerDistrictCode === undefined ? {} : { formerDistrictCode: state.formerDistrictCode }),
    },
    consents: {
      matching: state.consents.matching.granted,
      notifications: state.consents.notifications.granted,
      shareProfile: state.consents.shareProfile.granted,
      channel: state.consents.shareProfile.channel,
    },
  };
}

export const consentsGiven = (consents: WorkerProfile['consents'], at: string): WorkerState['consents'] => ({
  matching: { granted: consents.matching, at, channel: consents.channel },
  notifications: { granted: consents.notifications, at, channel: consents.channel },
  shareProfile: { granted: consents.shareProfile, at, channel: consents.channel },
});

/** Keeps the time of a consent that did not change. */
export function mergeConsents(before: WorkerState['consents'], after: WorkerState['consents']): WorkerState['consents'] {
  const keep = (b: GivenConsent, a: GivenConsent) => (b.granted === a.granted ? b : a);
  return {
    matching: keep(before.matching, after.matching),
    notifications: keep(before.notifications, after.notifications),
    shareProfile: keep(before.shareProfile, after.shareProfile),
  };
}
