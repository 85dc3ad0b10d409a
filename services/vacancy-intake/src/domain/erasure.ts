import { KetNoiError } from '@ketnoi/errors';
import type { VacancyState } from './vacancy.js';

/**
 * What an erased worker's id becomes among a vacancy's hires. It cannot be a
 * worker id (those are letters, digits, `_` and `-`), so it never matches a
 * later hire, and the hire still counts: `positionsFilled` stays as it was.
 */
export const ERASED_WORKER = '(erased)';

/** The hired workers with `workerId` replaced by the erasure marker; null when the worker is not among them. */
export function forgetHiredWorker(hiredWorkerIds: readonly string[], workerId: string): string[] | null {
  if (!hiredWorkerIds.includes(workerId)) return null;
  return hiredWorkerIds.map((id) => (id === workerId ? ERASED_WORKER : id));
}

/** A vacancy that no longer links the worker; null when it never did. */
export function forgetWorkerInVacancy(state: VacancyState, workerId: string): VacancyState | null {
  const hiredWorkerIds = forgetHiredWorker(state.hiredWorkerIds, workerId);
  return hiredWorkerIds === null ? null : { ...state, hiredWorkerIds };
}

/** An erased worker is not hired again, nor given outcomes: that would link them anew. */
export const workerErased = () =>
  new KetNoiError('WORKER_ERASED', 'This worker was erased and can no longer be hired or assessed', { status: 422 });

/** An erasure that must wait until the relay has published (and emptied) a version's outbox. */
export const outboxStillPending = (versionId: string) =>
  new KetNoiError('OUTBOX_PENDING', `${versionId} has unpublished events; erasure waits for the relay`, { status: 503, retriable: true });
