import { citizenIdHash } from '../crypto/keyed-hash.js';
import type { Actor, RegistrationDeps } from './deps.js';
import { loadWorker } from './load-worker.js';

/** The full profile for staff; every read is written to the audit log. */
export async function readWorker(deps: RegistrationDeps, workerId: string, actor: Actor) {
  const loaded = await loadWorker(deps, workerId);
  await deps.audit.record({ actor: actor.id, action: 'read-profile', workerId, ...(actor.requestId ? { requestId: actor.requestId } : {}) });
  return loaded;
}

/** Look-up by citizen-ID through its keyed hash; the number itself is never stored in clear. */
export async function findByCitizenId(deps: RegistrationDeps, citizenId: string, actor: Actor) {
  const workerId = await deps.identities.holderOf(citizenIdHash(deps.hashKey, citizenId));
  if (!workerId) return [];
  const worker = await deps.store.get(workerId);
  if (!worker || worker.state.status === 'erased') return [];
  await deps.audit.record({ actor: actor.id, action: 'look-up', workerId, ...(actor.requestId ? { requestId: actor.requestId } : {}) });
  return [worker];
}
