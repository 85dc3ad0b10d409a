import { workerProfile } from '@ketnoi/contracts';
import { KetNoiError, validationError } from '@ketnoi/errors';
import type { WorkerProfile } from '../domain/types.js';
import { checkOrRefuse } from './check-or-refuse.js';
import type { Actor, RegistrationDeps } from './deps.js';
import { loadWorker } from './load-worker.js';
import { saveProfile } from './save-profile.js';

export const staleVersion = (workerId: string, expected: number, current: number) =>
  new KetNoiError('VERSION_CONFLICT', `Worker changed since version ${expected}; it is at version ${current}`, {
    status: 412,
    details: { workerId, expectedVersion: expected, currentVersion: current },
  });

/**
 * Applies a partial profile (top-level fields replace the stored ones) to the
 * version the caller saw; a stale version is refused with 412.
 */
export async function updateWorker(
  deps: RegistrationDeps,
  workerId: string,
  expectedVersion: number,
  patch: Partial<WorkerProfile>,
  actor: Actor,
) {
  const loaded = await loadWorker(deps, workerId);
  if (loaded.current.version !== expectedVersion) throw staleVersion(workerId, expectedVersion, loaded.current.version);
  const merged = workerProfile.safeParse({ ...loaded.profile, ...patch });
  if (!merged.success) {
    const issues = merged.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw validationError('The changed profile is not valid', { details: { issues } });
  }
  return saveProfile(deps, { loaded, checked: checkOrRefuse(deps, merged.data), actor });
}
