import { KetNoiError, notFound } from '@ketnoi/errors';
import type { AggregateVersion } from '@ketnoi/service-kit';
import { openPersonal } from '../crypto/personal-data-cipher.js';
import { joinProfile, type PersonalFields, type WorkerState } from '../domain/worker-state.js';
import type { WorkerProfile } from '../domain/types.js';
import type { RegistrationDeps } from './deps.js';

export interface LoadedWorker {
  current: AggregateVersion<WorkerState>;
  dataKey: Buffer;
  personal: PersonalFields;
  profile: WorkerProfile;
}

export const gone = (workerId: string) =>
  new KetNoiError('WORKER_ERASED', 'This worker was erased', { status: 410, details: { workerId } });

/** A worker's current version with its personal fields opened: 404 unknown, 410 erased. */
export async function loadWorker(deps: RegistrationDeps, workerId: string): Promise<LoadedWorker> {
  const current = await deps.store.get(workerId);
  if (!current) throw notFound('Worker', { details: { workerId } });
  return openWorker(deps, current);
}

/** A version already read, with its personal fields opened: 410 erased. */
export async function openWorker(deps: RegistrationDeps, current: AggregateVersion<WorkerState>): Promise<LoadedWorker> {
  const workerId = current.id;
  if (current.state.status === 'erased' || !current.state.personal) throw gone(workerId);
  const dataKey = await deps.keys.get(workerId);
  if (!dataKey) throw gone(workerId);
  const personal = openPersonal<PersonalFields>(dataKey, workerId, current.state.personal);
  return { current, dataKey, personal, profile: joinProfile(current.state, personal) };
}
