import { isDuplicateKey } from '@ketnoi/errors';
import type { AggregateVersion } from '@ketnoi/service-kit';
import { fold } from '@ketnoi/reference-data';
import { citizenIdHash } from '../crypto/keyed-hash.js';
import type { WorkerState } from '../domain/worker-state.js';
import type { RegistrationDeps } from './deps.js';
import { openWorker } from './load-worker.js';

/**
 * A claimed worker whose versions were written but whose head was not (a
 * registration cut between the two writes, or another writer between them
 * right now): its head is written from its last version, so the worker is
 * updated from there instead of being registered a second time over its
 * stored version 1. Null when the worker has no version at all.
 */
export async function restoreHead(deps: RegistrationDeps, workerId: string): Promise<AggregateVersion<WorkerState> | null> {
  const last = (await deps.store.history(workerId)).at(-1);
  if (!last) return null;
  const { personal } = await openWorker(deps, last);
  const head = {
    ...last.state,
    citizenIdHash: citizenIdHash(deps.hashKey, personal.citizenId),
    nameFolded: fold(personal.fullName),
    _id: workerId,
    version: last.version,
    updatedAt: last.updatedAt,
  };
  await deps.store.heads.replaceOne({ _id: workerId, version: { $lte: last.version } }, head, { upsert: true }).catch((error: unknown) => {
    // A newer head written meanwhile (upsert met its _id): that one stands.
    if (!isDuplicateKey(error)) throw error;
  });
  return last;
}
