import type { VersionedStore } from '@ketnoi/service-kit';
import type { CandidacyState } from '../domain/candidacy.js';
import { forgetHiredWorker, forgetWorkerInVacancy, outboxStillPending } from '../domain/erasure.js';
import { saveVacancy } from '../repositories/vacancy-heads.js';
import type { UseCaseContext } from './context.js';
import { retryOnConflict } from './retry-on-conflict.js';

export interface ErasureResult {
  /** False when an earlier erasure of the worker was recorded already. */
  newlyErased: boolean;
  /** Vacancies whose hires no longer name the worker. */
  vacancies: number;
  /** Candidacies (outcomes) of the worker, deleted. */
  candidacies: number;
}

interface StoredVersion<S> {
  _id: string;
  state: S;
  outboxPending?: boolean;
}

const versionIds = (id: string, upTo: number) => Array.from({ length: upTo }, (_, i) => `${id}:${i + 1}`);

async function versionsOf<S extends object>(store: VersionedStore<S>, id: string, upTo: number): Promise<StoredVersion<S>[]> {
  // By `_id` only: the one filter FerretDB 1.x answers without reading the whole history.
  return (await store.versions.find({ _id: { $in: versionIds(id, upTo) } }).lean()) as unknown as StoredVersion<S>[];
}

/**
 * The worker leaves the vacancy's history and head: older versions are
 * rewritten (only once the relay has published their events, so the relay's
 * own write cannot undo ours), then a new version without the worker becomes
 * the head. Its count of filled positions does not change.
 */
async function forgetInVacancy(ctx: UseCaseContext, vacancyId: string, workerId: string): Promise<boolean> {
  const store = ctx.stores.vacancies;
  return retryOnConflict(async () => {
    const current = await store.get(vacancyId);
    const forgotten = current && forgetWorkerInVacancy(current.state, workerId);
    if (!current || !forgotten) return false;
    const versions = await versionsOf(store, vacancyId, current.version);
    for (const version of versions) {
      const hiredWorkerIds = forgetHiredWorker(version.state.hiredWorkerIds ?? [], workerId);
      if (hiredWorkerIds === null) continue;
      if (version.outboxPending) throw outboxStillPending(version._id);
      await store.versions.updateOne({ _id: version._id }, { $set: { 'state.hiredWorkerIds': hiredWorkerIds } });
    }
    await saveVacancy(store, { id: vacancyId, expectedVersion: current.version, state: forgotten, events: [] });
    return true;
  });
}

/** A candidacy's id is derived from the worker's, so it cannot be kept pseudonymously: it goes, history and all. */
async function deleteCandidacy(store: VersionedStore<CandidacyState>, candidacyId: string, upTo: number): Promise<void> {
  const versions = await versionsOf(store, candidacyId, upTo);
  const pending = versions.find((version) => version.outboxPending);
  if (pending) throw outboxStillPending(pending._id);
  await store.versions.deleteMany({ _id: { $in: versions.map((version) => version._id) } });
  await store.heads.deleteOne({ _id: candidacyId });
}

/**
 * Forgets an erased worker: records them as erased under `erasureId` (the
 * event's id; so they are not hired or assessed again), replaces their id
 * among each vacancy's hires with the erasure marker, and deletes their
 * candidacies. Running it again changes nothing and reports nothing new.
 */
export async function eraseWorker(ctx: UseCaseContext, workerId: string, erasureId: string): Promise<ErasureResult> {
  const newlyErased = (await ctx.stores.erasedWorkers.claim(workerId, erasureId)) === erasureId;
  // These filters read the whole collections on FerretDB 1.x; an erasure is rare.
  const vacancies = (await ctx.stores.vacancies.heads.find({ hiredWorkerIds: workerId }).select({ _id: 1 }).lean()) as { _id: string }[];
  let forgotten = 0;
  for (const { _id } of vacancies) if (await forgetInVacancy(ctx, _id, workerId)) forgotten += 1;
  const candidacies = (await ctx.stores.candidacies.heads.find({ workerId }).select({ _id: 1, version: 1 }).lean()) as { _id: string; version: number }[];
  for (const { _id, version } of candidacies) await deleteCandidacy(ctx.stores.candidacies, _id, version);
  return { newlyErased, vacancies: forgotten, candidacies: candidacies.length };
}
