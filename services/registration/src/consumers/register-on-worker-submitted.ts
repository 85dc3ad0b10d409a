import type { ingestWorkersTopic, TopicEvent } from '@ketnoi/contracts';
import { KetNoiError } from '@ketnoi/errors';
import type { BatchEventHandler } from '@ketnoi/messaging';
import type { RegistrationDeps } from '../use-cases/deps.js';
import { ingestWorkers, type IngestInput, type IngestResult } from '../use-cases/ingest-workers.js';
import { RecentlyApplied } from './recently-applied.js';
import { SettledOutcomes, type Settled } from './settled-outcomes.js';

const toInput = (event: TopicEvent<typeof ingestWorkersTopic>): IngestInput => {
  const actor = { id: `ingest:${event.source}` };
  if (event.type === 'worker.withdrawn') return { kind: 'withdraw', citizenId: event.data.citizenId, actor, eventId: event.id };
  return { kind: 'register', profile: event.data.profile, externalRef: event.data.externalRef, actor, eventId: event.id };
};

const settle = (result: IngestResult): Settled =>
  result.outcome === 'refused' ? { error: result.error } : result.outcome === 'unchanged' ? 'duplicate' : 'ok';

const answer = (settled: Settled): 'ok' | 'duplicate' => {
  if (typeof settled === 'object') throw settled.error;
  return settled;
};

const count = (results: readonly IngestResult[], outcome: IngestResult['outcome']) => results.filter((r) => r.outcome === outcome).length;

/**
 * Workers from the centre's desks and systems, a partition's batch at a time:
 * the same validation as HTTP; a person already known by citizen-ID is
 * updated, never registered twice; a message that changes nothing is a
 * duplicate. A refused event fails the batch after the others took effect;
 * the consumer then hands the events back one by one, answered from what
 * this batch settled, so only the refused ones go to the DLQ, with their reason.
 */
export const registerOnWorkerSubmitted =
  (deps: () => RegistrationDeps, settled = new SettledOutcomes(), recent = new RecentlyApplied()): BatchEventHandler<typeof ingestWorkersTopic> =>
  async (items, context) => {
    const only = items.length === 1 ? items[0] : undefined;
    const known = only && settled.take(context.partition, only.offset, only.event.id);
    if (known) return [answer(known)];
    settled.forget(context.partition);
    const fresh = items.filter((item) => !recent.has(item.event.id));
    const applied = await ingestWorkers(
      deps(),
      fresh.map((item) => toInput(item.event)),
      (index, result) => {
        if (result.outcome !== 'refused') recent.add(fresh[index]!.event.id);
      },
    );
    const byItem = new Map(fresh.map((item, index) => [item, applied[index]!]));
    const results = items.map((item): IngestResult => byItem.get(item) ?? { outcome: 'unchanged' });
    const refused = count(results, 'refused');
    context.log.info(
      { events: items.length, registered: count(results, 'registered'), updated: count(results, 'updated') + count(results, 'withdrawn'), unchanged: count(results, 'unchanged'), refused },
      'workers submitted',
    );
    const outcomes = results.map(settle);
    if (refused === 0) return outcomes.map(answer);
    if (only) return [answer(outcomes[0]!)];
    settled.remember(context.partition, items.map((item, i) => ({ offset: item.offset, eventId: item.event.id, settled: outcomes[i]! })));
    throw new KetNoiError('EVENTS_REFUSED', `${refused} of ${items.length} events of the batch were refused`, { status: 422 });
  };
