import { workerContactsTopic, workersTopic } from '@ketnoi/contracts';
import { pendingEvent, type PendingEvent } from '@ketnoi/service-kit';
import { fold } from '@ketnoi/reference-data';
import { citizenIdHash } from '../crypto/keyed-hash.js';
import { sealPersonal } from '../crypto/personal-data-cipher.js';
import { withAppliedEvent } from '../domain/applied-events.js';
import { priorityGroupsOf } from '../domain/priority-groups.js';
import { toContact, toSnapshot } from '../domain/to-events.js';
import { consentsGiven, mergeConsents, splitProfile, type WorkerState } from '../domain/worker-state.js';
import type { CheckedProfile } from '../domain/validate-profile.js';
import { today, type RegistrationDeps } from './deps.js';

export type WorkerEventType = 'worker.registered' | 'worker.updated' | 'worker.status-changed';

export interface VersionInput {
  workerId: string;
  version: number;
  checked: CheckedProfile;
  dataKey: Buffer;
  status: WorkerState['status'];
  previous?: WorkerState;
  externalRef?: string;
  /** The ingest event that caused this version. */
  eventId?: string;
  eventType: WorkerEventType;
}

/** The state, head-only search fields and events of a worker's next version. */
export function workerVersion(deps: RegistrationDeps, input: VersionInput) {
  const at = deps.now().toISOString();
  const { profile, minor } = input.checked;
  const { personal, rest } = splitProfile(profile);
  const consents = consentsGiven(profile.consents, at);
  const refs = new Set(input.previous?.externalRefs ?? []);
  if (input.externalRef) refs.add(input.externalRef);
  const appliedEvents = withAppliedEvent(input.previous?.appliedEvents, input.eventId);
  const state: WorkerState = {
    status: input.status,
    personal: sealPersonal(input.dataKey, input.workerId, personal),
    profile: rest,
    birthMonth: profile.dateOfBirth.slice(0, 7),
    gender: profile.gender,
    communeCode: profile.address.communeCode,
    ...(profile.address.formerDistrictCode ? { formerDistrictCode: profile.address.formerDistrictCode } : {}),
    consents: input.previous ? mergeConsents(input.previous.consents, consents) : consents,
    priority: priorityGroupsOf(profile, today(deps)),
    minor,
    externalRefs: [...refs],
    ...(appliedEvents ? { appliedEvents } : {}),
    registeredAt: input.previous?.registeredAt ?? at,
  };
  const events: PendingEvent[] = [
    pendingEvent(workersTopic, {
      type: input.eventType,
      subject: input.workerId,
      data: toSnapshot(input.workerId, input.version, state, today(deps)),
    }),
    pendingEvent(workerContactsTopic, {
      type: 'worker-contact.updated',
      subject: input.workerId,
      data: toContact(input.workerId, input.version, state, personal, at),
    }),
  ];
  return { state, events, headFields: workerSearchFields(deps.hashKey, profile) };
}

/** The head-only search keys of a worker (never in the history, so erasure can remove them). */
export const workerSearchFields = (hashKey: Parameters<typeof citizenIdHash>[0], person: { citizenId: string; fullName: string }) => ({
  citizenIdHash: citizenIdHash(hashKey, person.citizenId),
  nameFolded: fold(person.fullName),
});
