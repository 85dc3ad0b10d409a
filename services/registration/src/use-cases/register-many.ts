import type { WorkerProfile } from '../domain/types.js';
import { citizenIdHash } from '../crypto/keyed-hash.js';
import { checkProfile, type CheckedProfile } from '../domain/validate-profile.js';
import type { WorkerState } from '../domain/worker-state.js';
import { today, type Actor, type RegistrationDeps } from './deps.js';
import { newWorkerId } from './register-worker.js';
import { workerVersion } from './worker-version.js';

export interface ManyInput {
  key: number;
  profile: WorkerProfile;
  externalRef?: string;
}

export type ManyResult =
  | { key: number; outcome: 'registered'; workerId: string }
  | { key: number; outcome: 'rejected'; issues: { path: string; message: string }[] }
  /** Known already (or twice in the batch): registered one by one, as an update. */
  | { key: number; outcome: 'one-by-one'; profile: WorkerProfile; externalRef?: string };

/** A checked profile of a person who appears once in the batch. */
export interface NewPerson {
  key: number;
  checked: CheckedProfile;
  /** Keyed hash of the citizen-ID. */
  hash: string;
  externalRef?: string;
  /** Who sent it, when not the batch's actor. */
  actor?: Actor;
  /** The ingest event it came in. */
  eventId?: string;
}

export interface Registered {
  workerId: string;
  /** Version 1, as stored. */
  state: WorkerState;
}

export interface NewRegistrations {
  /** Each person registered, by key. */
  registered: Map<number, Registered>;
  /** By key, the worker that already held a person's citizen-ID when it was claimed (to update, or finish, one by one). */
  heldBy: Map<number, string>;
}

/**
 * Registers people who appear once each in a handful of bulk writes (claims,
 * keys, versions, pending-index entries, heads, audit). A person whose
 * citizen-ID is claimed already is left out, to be updated (or finished, or
 * refused) one by one; `heldBy` says by whom.
 */
export async function registerNew(deps: RegistrationDeps, people: readonly NewPerson[], actor: Actor): Promise<NewRegistrations> {
  const fresh = people.map((person) => ({ ...person, workerId: newWorkerId() }));
  const holders = await deps.identities.claimMany(fresh.map(({ hash, workerId }) => ({ hash, workerId })));
  const heldBy = new Map(fresh.flatMap((item) => {
    const holder = holders.get(item.hash);
    return holder !== undefined && holder !== item.workerId ? [[item.key, holder] as const] : [];
  }));
  const claimed = fresh.filter((item) => holders.get(item.hash) === item.workerId);
  if (claimed.length === 0) return { registered: new Map(), heldBy };
  const keys = await deps.keys.createMany(claimed.map((item) => item.workerId));
  const versions = claimed.map((item) => ({
    id: item.workerId,
    ...workerVersion(deps, {
      workerId: item.workerId,
      version: 1,
      checked: item.checked,
      dataKey: keys.get(item.workerId)!,
      status: 'active',
      eventType: 'worker.registered',
      ...(item.externalRef ? { externalRef: item.externalRef } : {}),
      ...(item.eventId ? { eventId: item.eventId } : {}),
    }),
  }));
  const { created } = await deps.store.createMany(versions);
  deps.published();
  const createdIds = new Set(created);
  const states = new Map(versions.map((v) => [v.id, v.state]));
  const registered = claimed.filter((item) => createdIds.has(item.workerId));
  await deps.audit.recordMany(
    registered.map((item) => {
      const by = item.actor ?? actor;
      return { actor: by.id, action: 'register' as const, workerId: item.workerId, ...(by.requestId ? { requestId: by.requestId } : {}) };
    }),
  );
  return { registered: new Map(registered.map((item) => [item.key, { workerId: item.workerId, state: states.get(item.workerId)! }])), heldBy };
}

/**
 * Registers a batch of new people in a handful of bulk writes. People the
 * centre already knows, and a person's second row in the batch, are handed
 * back to be registered one by one (as updates).
 */
export async function registerMany(deps: RegistrationDeps, inputs: readonly ManyInput[], actor: Actor): Promise<ManyResult[]> {
  const results: ManyResult[] = [];
  const people: NewPerson[] = [];
  const seen = new Set<string>();
  for (const { key, profile, externalRef } of inputs) {
    const checked = checkProfile(profile, deps.refs, today(deps));
    if (!checked.ok) {
      results.push({ key, outcome: 'rejected', issues: checked.issues });
      continue;
    }
    const hash = citizenIdHash(deps.hashKey, checked.value.profile.citizenId);
    if (seen.has(hash)) {
      results.push({ key, outcome: 'one-by-one', profile, ...(externalRef ? { externalRef } : {}) });
      continue;
    }
    seen.add(hash);
    people.push({ key, checked: checked.value, hash, ...(externalRef ? { externalRef } : {}) });
  }
  const { registered } = await registerNew(deps, people, actor);
  for (const person of people) {
    const made = registered.get(person.key);
    results.push(
      made
        ? { key: person.key, outcome: 'registered', workerId: made.workerId }
        : { key: person.key, outcome: 'one-by-one', profile: person.checked.profile, ...(person.externalRef ? { externalRef: person.externalRef } : {}) },
    );
  }
  return results;
}
