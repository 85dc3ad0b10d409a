import { GroupCommit } from '@ketnoi/service-kit';
import { citizenIdHash } from '../crypto/keyed-hash.js';
import type { WorkerProfile } from '../domain/types.js';
import type { CheckedProfile } from '../domain/validate-profile.js';
import { checkOrRefuse } from './check-or-refuse.js';
import type { Actor, RegistrationDeps } from './deps.js';
import { registerNew, type NewPerson, type Registered } from './register-many.js';
import { registerWorker, type RegisterOutcome } from './register-worker.js';

interface Registration {
  checked: CheckedProfile;
  hash: string;
  actor: Actor;
}

/**
 * Registrations of concurrent requests, written together: one bulk write per
 * collection per round (register-many.ts) instead of six writes per request.
 * A person known already, or twice in one round, gets `null`: the request
 * then goes the one-by-one way, which answers 409 naming the worker.
 */
export const deskRegistrations = (deps: () => RegistrationDeps) =>
  new GroupCommit<Registration, Registered | null>(async (items) => {
    const seen = new Set<string>();
    const people: NewPerson[] = [];
    for (const [key, { checked, hash, actor }] of items.entries()) {
      if (seen.has(hash)) continue;
      seen.add(hash);
      people.push({ key, checked, hash, actor });
    }
    // Every person carries their own actor (and request id) for the audit log.
    const { registered } = await registerNew(deps(), people, items[0]!.actor);
    return items.map((_, key) => registered.get(key) ?? null);
  });

export type DeskRegistrations = ReturnType<typeof deskRegistrations>;

/** POST /v1/workers: a new person joins the next round of registrations; a known one is refused (409). */
export async function registerAtDesk(deps: RegistrationDeps, group: DeskRegistrations, input: WorkerProfile, actor: Actor): Promise<RegisterOutcome> {
  const checked = checkOrRefuse(deps, input);
  const made = await group.submit({ checked, hash: citizenIdHash(deps.hashKey, checked.profile.citizenId), actor });
  if (!made) return registerWorker(deps, input, actor, { ifKnown: 'refuse' });
  const worker = { id: made.workerId, version: 1, state: made.state, updatedAt: deps.now() };
  return { outcome: 'registered', worker, profile: checked.profile };
}
