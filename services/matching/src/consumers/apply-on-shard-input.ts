import type { BatchEventHandler } from '@ketnoi/messaging';
import type { ShardHost } from '../sharding/shard-host.js';
import type { shardInputTopic } from '../sharding/topics.js';
import type { MatchingEvent } from '../use-cases/matching-event.js';
import { outcomesOf } from './outcomes.js';

/** matching.shard-input.v1 (sharded mode): a batch of one shard's events applied to that shard. Candidate outcomes change nothing. */
export const applyOnShardInput =
  (host: () => ShardHost): BatchEventHandler<typeof shardInputTopic> =>
  async (items, context) => {
    const events = items.flatMap(({ event }): MatchingEvent[] => {
      if (event.type === 'worker.erased') return [{ kind: 'worker-erased', workerId: event.data.workerId, version: event.data.version }];
      if (event.type === 'placement.recorded') return [{ kind: 'placement', placement: event.data }];
      if (event.type === 'placement.outcome-recorded') return [];
      if (event.type.startsWith('worker.')) return [{ kind: 'worker', snapshot: event.data as Extract<MatchingEvent, { kind: 'worker' }>['snapshot'] }];
      return [{ kind: 'vacancy', snapshot: event.data as Extract<MatchingEvent, { kind: 'vacancy' }>['snapshot'] }];
    });
    const applied = await host().applyBatch(context.partition, items.map((item) => item.offset), events);
    let next = 0;
    const outcomes = items.map(({ event }) => (event.type === 'placement.outcome-recorded' ? 'duplicate' : applied[next++]!));
    return outcomesOf(outcomes, context.log, 'shard input applied');
  };
