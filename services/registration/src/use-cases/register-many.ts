import type { WorkerProfile } from '../domain/types.js';
import { citizenIdHash } from '../crypto/keyed-hash.js';
import { checkProfile, type CheckedProfile } from '../domain/validate-profile.js';
import { today, type Actor, type RegistrationDeps } from './deps.js';
import { newWorkerId } from './register-worker.js';
import { workerVersion } from './worker-version.js';

export interface ManyInput {
  key: number;
  profile: WorkerProfile;
  externalRef?: string;
}

export type ManyResult =
  | { key: number; outcome: 'registered'; workerId: string }
  | { key: number; outcome: 'rejected'; issues: { path: string; message: string }[] }
  /** Known already (or twice in the batch): registered one by one, as an update. */
  | { key: number; outcome: 'one-by-one'; profile: WorkerProfile; externalRef?: string };

/**
 * Registers a batch of new people in a handful of bulk writes (claims, keys,
 * versions, heads, audit). People the centre already knows are handed back
 * to be updated one by one.
 */
export async function registerMany(deps: RegistrationDeps, inputs: readonly ManyInput[], actor: Actor): Promise<ManyResult[]> {
  const results: ManyResult[] = [];
  const fresh: { key: number; checked: CheckedProfile; hash: string; workerId: string; externalRef?: string }[] = [];
  const seen = new Set<string>();
  for (const { key, profile, externalRef } of inputs) {
    const checked = checkProfile(profile, deps.refs, today(deps));
    if (!checked.ok) {
      results.push({ key, outcome: 'rejected', issues: checked.issues });
      continue;
    }
    const hash = citizenIdHash(deps.hashKey, checked.value.profile.citizenId);
    if (seen.has(hash)) {
      results.push({ key, outcome: 'one-by-one', profile, ...(externalRef ? { externalRef } : {}) });
      continue;
    }
    seen.add(hash);
    fresh.push({ key, checked: checked.value, hash, workerId: newWorkerId(), ...(externalRef ? { externalRef } : {}) });
  }
  const holders = await deps.identities.claimMany(fresh.map(({ hash, workerId }) => ({ hash, workerId })));
  const claimed = fresh.filter((item) => holders.get(item.hash) === item.workerId);
  for (const item of fresh.filter((f) => holders.get(f.hash) !== f.workerId)) {
    results.push({ key: item.key, outcome: 'one-by-one', profile: item.checked.profile, ...(item.externalRef ? { externalRef: item.externalRef } : {}) });
  }
  const keys = await deps.keys.createMany(claimed.map((item) => item.workerId));
  const versions = claimed.map((item) => ({
    id: item.workerId,
    ...workerVersion(deps, {
      workerId: item.workerId,
      version: 1,
      checked: item.checked,
      dataKey: keys.get(item.workerId)!,
      status: 'active',
      eventType: 'worker.registered',
      ...(item.externalRef ? { externalRef: item.externalRef } : {}),
    }),
  }));
  const { created } = await deps.store.createMany(versions);
  deps.published();
  await deps.audit.recordMany(created.map((workerId) => ({ actor: actor.id, action: 'register' as const, workerId })));
  const createdIds = new Set(created);
  for (const item of claimed) {
    results.push(
      createdIds.has(item.workerId)
        ? { key: item.key, outcome: 'registered', workerId: item.workerId }
        : { key: item.key, outcome: 'one-by-one', profile: item.checked.profile, ...(item.externalRef ? { externalRef: item.externalRef } : {}) },
    );
  }
  return results;
}
