import { conflict, isDuplicateKey, isKetNoiError } from '@ketnoi/errors';
import type { AggregateVersion } from '@ketnoi/service-kit';
import { randomBytes } from 'node:crypto';
import { citizenIdHash } from '../crypto/keyed-hash.js';
import type { WorkerProfile } from '../domain/types.js';
import type { WorkerState } from '../domain/worker-state.js';
import { checkOrRefuse } from './check-or-refuse.js';
import type { Actor, RegistrationDeps } from './deps.js';
import { openWorker } from './load-worker.js';
import { saveProfile } from './save-profile.js';
import { workerSearchFields, workerVersion } from './worker-version.js';

export interface RegisterOptions {
  /** HTTP refuses a known citizen-ID (409 naming the worker); ingest updates that worker. */
  ifKnown: 'refuse' | 'update';
  externalRef?: string;
  /** The ingest event asking for it (a redelivered one changes nothing). */
  eventId?: string;
  /**
   * The citizen-ID's holder and its head as a bulk read found them just
   * before (null: no head), so a known person costs no claim and no read of
   * their own; a retry after a conflict reads again.
   */
  known?: { workerId: string; current: AggregateVersion<WorkerState> | null };
}

export type RegisterOutcome = {
  outcome: 'registered' | 'updated' | 'unchanged';
  worker: AggregateVersion<WorkerState>;
  /** The profile as stored (normalised). */
  profile: WorkerProfile;
};

/** Pseudonymous, unguessable worker ids. */
export const newWorkerId = (): string => `wrk_${randomBytes(10).toString('base64url')}`;

/** A worker's head-only search fields, from a stored version (its personal fields opened): 410 erased. */
async function searchFieldsOf(deps: RegistrationDeps, version: AggregateVersion<WorkerState>): Promise<Record<string, unknown>> {
  const { personal } = await openWorker(deps, version);
  return workerSearchFields(deps.hashKey, personal);
}

/**
 * A claimed worker as stored. One whose versions were written but whose head
 * was not (a registration cut between the two writes) gets its head back from
 * its last version, so it is updated from there instead of being registered
 * a second time over its stored version 1. Null when it has no version.
 */
async function storedWorker(deps: RegistrationDeps, workerId: string): Promise<AggregateVersion<WorkerState> | null> {
  return (await deps.store.get(workerId)) ?? deps.store.repairHead(workerId, { headFields: (last) => searchFieldsOf(deps, last) });
}

export async function registerWorker(
  deps: RegistrationDeps,
  input: WorkerProfile,
  actor: Actor,
  options: RegisterOptions,
  attempt = 1,
): Promise<RegisterOutcome> {
  const checked = checkOrRefuse(deps, input);
  const hash = citizenIdHash(deps.hashKey, checked.profile.citizenId);
  const candidate = newWorkerId();
  const prefetched = attempt === 1 ? options.known : undefined;
  const claim = prefetched ? { claimed: false as const, workerId: prefetched.workerId } : await deps.identities.claim(hash, candidate);
  const workerId = claim.claimed ? candidate : claim.workerId;
  try {
    const known = claim.claimed ? null : (prefetched?.current ?? (await storedWorker(deps, workerId)));
    if (known) {
      if (options.ifKnown === 'refuse') {
        throw conflict('A worker with this citizen-ID is already registered', { details: { workerId } });
      }
      const loaded = await openWorker(deps, known);
      const saved = await saveProfile(deps, {
        loaded,
        checked,
        actor,
        ...(options.externalRef ? { externalRef: options.externalRef } : {}),
        ...(options.eventId ? { eventId: options.eventId } : {}),
      });
      return { outcome: saved.changed ? 'updated' : 'unchanged', worker: saved.worker, profile: checked.profile };
    }
    // A new worker, or a claim left behind by an interrupted registration: finish it.
    const dataKey = (!claim.claimed && (await deps.keys.get(workerId))) || (await deps.keys.create(workerId));
    const version = workerVersion(deps, {
      workerId,
      version: 1,
      checked,
      dataKey,
      status: 'active',
      eventType: 'worker.registered',
      ...(options.externalRef ? { externalRef: options.externalRef } : {}),
      ...(options.eventId ? { eventId: options.eventId } : {}),
    });
    const worker = await deps.store.save({ id: workerId, expectedVersion: 0, ...version });
    deps.published();
    await deps.audit.record({ actor: actor.id, action: 'register', workerId, ...(actor.requestId ? { requestId: actor.requestId } : {}) });
    return { outcome: 'registered', worker, profile: checked.profile };
  } catch (error) {
    // Two registrations of one person at once: the loser goes round again and finds the winner.
    const raced =
      (isKetNoiError(error) && ['ALREADY_EXISTS', 'VERSION_CONFLICT'].includes(error.code)) ||
      isDuplicateKey(error);
    if (raced && attempt < 3) return registerWorker(deps, input, actor, options, attempt + 1);
    throw error;
  }
}
