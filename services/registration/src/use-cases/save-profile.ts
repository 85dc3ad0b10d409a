import { conflict } from '@ketnoi/errors';
import type { AggregateVersion } from '@ketnoi/service-kit';
import { isDeepStrictEqual } from 'node:util';
import { citizenIdHash } from '../crypto/keyed-hash.js';
import { wasApplied } from '../domain/applied-events.js';
import type { CheckedProfile } from '../domain/validate-profile.js';
import type { WorkerState } from '../domain/worker-state.js';
import type { Actor, RegistrationDeps } from './deps.js';
import type { LoadedWorker } from './load-worker.js';
import { workerVersion, type WorkerEventType } from './worker-version.js';

export interface SaveProfileInput {
  loaded: LoadedWorker;
  checked: CheckedProfile;
  actor: Actor;
  status?: WorkerState['status'];
  eventType?: WorkerEventType;
  externalRef?: string;
  /** The ingest event asking for the change: one already applied changes nothing. */
  eventId?: string;
}

/**
 * Writes the worker's next version when something changed; a change that
 * changes nothing writes and publishes nothing (so a replayed ingest message
 * or a repeated PATCH has no effect).
 */
export async function saveProfile(deps: RegistrationDeps, input: SaveProfileInput): Promise<{ changed: boolean; worker: AggregateVersion<WorkerState> }> {
  const { loaded, checked, actor } = input;
  const { current } = loaded;
  const status = input.status ?? current.state.status;
  if (wasApplied(current.state.appliedEvents, input.eventId)) return { changed: false, worker: current };
  const knownRef = !input.externalRef || current.state.externalRefs.includes(input.externalRef);
  if (status === current.state.status && knownRef && isDeepStrictEqual(checked.profile, loaded.profile)) {
    return { changed: false, worker: current };
  }
  const oldHash = citizenIdHash(deps.hashKey, loaded.personal.citizenId);
  const newHash = citizenIdHash(deps.hashKey, checked.profile.citizenId);
  if (newHash !== oldHash) {
    const claim = await deps.identities.claim(newHash, current.id);
    if (!claim.claimed && claim.workerId !== current.id) {
      throw conflict('Another worker is registered with this citizen-ID', { details: { workerId: claim.workerId } });
    }
  }
  const eventType = input.eventType ?? (status === current.state.status ? 'worker.updated' : 'worker.status-changed');
  const version = workerVersion(deps, {
    workerId: current.id,
    version: current.version + 1,
    checked,
    dataKey: loaded.dataKey,
    status,
    previous: current.state,
    eventType,
    ...(input.externalRef ? { externalRef: input.externalRef } : {}),
    ...(input.eventId ? { eventId: input.eventId } : {}),
  });
  const worker = await deps.store.save({ id: current.id, expectedVersion: current.version, ...version });
  deps.published();
  if (newHash !== oldHash) await deps.identities.release(oldHash, current.id);
  await deps.audit.record({ actor: actor.id, action: eventType === 'worker.status-changed' ? 'withdraw' : 'update', workerId: current.id, ...(actor.requestId ? { requestId: actor.requestId } : {}) });
  return { changed: true, worker };
}
