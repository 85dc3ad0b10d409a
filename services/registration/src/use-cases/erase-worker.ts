import { workerContactsTopic, workersTopic } from '@ketnoi/contracts';
import { notFound } from '@ketnoi/errors';
import { pendingEvent } from '@ketnoi/service-kit';
import type { WorkerState } from '../domain/worker-state.js';
import type { Actor, RegistrationDeps } from './deps.js';

/**
 * Erasure: a last version keeps only what statistics may (birth year, gender,
 * commune, priority groups, dates), the worker's data key is deleted (every
 * older version's personal fields become unreadable), the citizen-ID claim is
 * released, and every other service is told to forget the worker.
 */
export async function eraseWorker(deps: RegistrationDeps, workerId: string, actor: Actor): Promise<void> {
  const current = await deps.store.get(workerId);
  if (!current) throw notFound('Worker', { details: { workerId } });
  if (current.state.status !== 'erased') {
    const at = deps.now().toISOString();
    const version = current.version + 1;
    const { birthMonth, gender, communeCode, formerDistrictCode, consents, priority, minor, registeredAt } = current.state;
    const state: WorkerState = {
      status: 'erased',
      birthMonth: birthMonth.slice(0, 4),
      gender,
      communeCode,
      ...(formerDistrictCode ? { formerDistrictCode } : {}),
      consents,
      priority,
      minor,
      externalRefs: [],
      registeredAt,
      erasedAt: at,
    };
    const events = [
      pendingEvent(workersTopic, { type: 'worker.erased', subject: workerId, data: { workerId, version, erasedAt: at } }),
      pendingEvent(workerContactsTopic, { type: 'worker-contact.erased', subject: workerId, data: { workerId, version, erasedAt: at } }),
    ];
    await deps.store.save({ id: workerId, expectedVersion: current.version, state, events });
    deps.published();
  }
  const { citizenIdHash: hash } = current.state as WorkerState & { citizenIdHash?: string };
  await deps.keys.erase(workerId);
  if (hash) await deps.identities.release(hash, workerId);
  await deps.audit.record({ actor: actor.id, action: 'erase', workerId, ...(actor.requestId ? { requestId: actor.requestId } : {}) });
}
