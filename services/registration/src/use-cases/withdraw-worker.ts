import { notFound } from '@ketnoi/errors';
import { citizenIdHash } from '../crypto/keyed-hash.js';
import { checkOrRefuse } from './check-or-refuse.js';
import type { Actor, RegistrationDeps } from './deps.js';
import { loadWorker } from './load-worker.js';
import { saveProfile } from './save-profile.js';

/** The worker no longer seeks work through the centre (found by citizen-ID, from ingest). */
export async function withdrawWorker(deps: RegistrationDeps, citizenId: string, actor: Actor, eventId?: string) {
  const workerId = await deps.identities.holderOf(citizenIdHash(deps.hashKey, citizenId));
  if (!workerId) throw notFound('Worker with this citizen-ID');
  const loaded = await loadWorker(deps, workerId);
  return saveProfile(deps, { loaded, checked: checkOrRefuse(deps, loaded.profile), actor, status: 'withdrawn', ...(eventId ? { eventId } : {}) });
}
