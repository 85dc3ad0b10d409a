import { isKetNoiError } from '@ketnoi/errors';
import type { WorkerProfile } from '../domain/types.js';
import { checkOrRefuse } from './check-or-refuse.js';
import type { Actor, RegistrationDeps } from './deps.js';
import { loadWorker } from './load-worker.js';
import { saveProfile } from './save-profile.js';

/**
 * Records the worker's consents as given now, whatever else changed
 * meanwhile: a withdrawn consent must take effect, not fail on a version.
 */
export async function changeConsents(
  deps: RegistrationDeps,
  workerId: string,
  consents: WorkerProfile['consents'],
  actor: Actor,
  attempt = 1,
): ReturnType<typeof saveProfile> {
  const loaded = await loadWorker(deps, workerId);
  const checked = checkOrRefuse(deps, { ...loaded.profile, consents });
  try {
    return await saveProfile(deps, { loaded, checked, actor });
  } catch (error) {
    if (isKetNoiError(error) && error.code === 'VERSION_CONFLICT' && attempt < 5) {
      return changeConsents(deps, workerId, consents, actor, attempt + 1);
    }
    throw error;
  }
}
