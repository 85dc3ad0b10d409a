import { isRetriable } from '@ketnoi/errors';
import { citizenIdHash } from '../crypto/keyed-hash.js';
import { planIngest, type PlannedEvent } from '../domain/ingest-plan.js';
import type { WorkerProfile } from '../domain/types.js';
import type { CheckedProfile } from '../domain/validate-profile.js';
import { checkOrRefuse } from './check-or-refuse.js';
import type { Actor, RegistrationDeps } from './deps.js';
import { registerNew, type NewPerson, type Registered } from './register-many.js';
import { registerWorker, type RegisterOptions } from './register-worker.js';
import { withdrawWorker } from './withdraw-worker.js';

/** An ingest event; `eventId` recognises a redelivery. */
export type IngestInput = { eventId?: string; actor: Actor } & (
  | { kind: 'register'; profile: WorkerProfile; externalRef?: string }
  | { kind: 'withdraw'; citizenId: string }
);

export type IngestResult =
  | { outcome: 'registered' | 'updated' | 'withdrawn'; workerId: string }
  | { outcome: 'unchanged' }
  /** Not applied, for the reason the single-event path gives (validation, unknown worker, conflict). */
  | { outcome: 'refused'; error: unknown };

type Checked = { person: string; checked?: CheckedProfile } | { error: unknown };

function check(deps: RegistrationDeps, input: IngestInput): Checked {
  if (input.kind === 'withdraw') return { person: citizenIdHash(deps.hashKey, input.citizenId) };
  try {
    const checked = checkOrRefuse(deps, input.profile);
    return { person: citizenIdHash(deps.hashKey, checked.profile.citizenId), checked };
  } catch (error) {
    return { error };
  }
}

/** One event the way the single-event path applies it (known people, repeats, withdrawals). */
async function applyOne(deps: RegistrationDeps, input: IngestInput, known?: RegisterOptions['known']): Promise<IngestResult> {
  try {
    if (input.kind === 'withdraw') {
      const { changed, worker } = await withdrawWorker(deps, input.citizenId, input.actor, input.eventId);
      return changed ? { outcome: 'withdrawn', workerId: worker.id } : { outcome: 'unchanged' };
    }
    const options = {
      ifKnown: 'update' as const,
      ...(input.externalRef ? { externalRef: input.externalRef } : {}),
      ...(input.eventId ? { eventId: input.eventId } : {}),
      ...(known ? { known } : {}),
    };
    const { outcome, worker } = await registerWorker(deps, input.profile, input.actor, options);
    return outcome === 'unchanged' ? { outcome } : { outcome, workerId: worker.id };
  } catch (error) {
    // Storage down: the whole batch is tried again (what was applied is then unchanged).
    if (isRetriable(error)) throw error;
    return { outcome: 'refused', error };
  }
}

/**
 * Applies a batch of ingest events with the effects of applying them one at a
 * time in order: each person's first registration in the batch goes into one
 * bulk write of new people; known people, a person's later events and
 * withdrawals follow one by one, in order. Idempotent per event: a batch
 * applied again registers nobody twice and changes nothing.
 */
export async function ingestWorkers(
  deps: RegistrationDeps,
  inputs: readonly IngestInput[],
  /** Told of each event's result as soon as its writes are done. */
  onResult: (index: number, result: IngestResult) => void = () => {},
): Promise<IngestResult[]> {
  const checks = inputs.map((input) => check(deps, input));
  const steps = planIngest(checks.map((c, i): PlannedEvent => ('error' in c ? null : { kind: inputs[i]!.kind, person: c.person })));
  const results: (IngestResult | undefined)[] = checks.map((c) => ('error' in c ? { outcome: 'refused', error: c.error } : undefined));
  const people: NewPerson[] = [];
  for (const [key, step] of steps.entries()) {
    const input = inputs[key]!;
    const c = checks[key]!;
    if (step !== 'bulk' || input.kind !== 'register' || 'error' in c || !c.checked) continue;
    people.push({
      key,
      checked: c.checked,
      hash: c.person,
      actor: input.actor,
      ...(input.externalRef ? { externalRef: input.externalRef } : {}),
      ...(input.eventId ? { eventId: input.eventId } : {}),
    });
  }
  const first = inputs[0];
  const { registered, heldBy } = people.length > 0 && first ? await registerNew(deps, people, first.actor) : { registered: new Map<number, Registered>(), heldBy: new Map<number, string>() };
  for (const [key, { workerId }] of registered) {
    results[key] = { outcome: 'registered', workerId };
    onResult(key, results[key]);
  }
  // Known people's heads in one read (a redelivered batch, a re-import): each is their first event here.
  const heads = await deps.store.getMany([...heldBy.values()]);
  // Everything else in offset order: known people (left by the bulk write) before their later events.
  for (const [key, input] of inputs.entries()) {
    if (results[key]) continue;
    const holder = heldBy.get(key);
    results[key] = await applyOne(deps, input, holder === undefined ? undefined : { workerId: holder, current: heads.get(holder) ?? null });
    onResult(key, results[key]);
  }
  return results as IngestResult[];
}
