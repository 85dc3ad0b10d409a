import type { BatchEventHandler, BatchItem, BatchItemOutcome } from '@ketnoi/messaging';
import type { ShardHost } from '../sharding/shard-host.js';
import type { shardInputTopic } from '../sharding/topics.js';
import type { MatchingEvent } from '../use-cases/matching-event.js';
import { outcomesOf } from './outcomes.js';

type Handler = BatchEventHandler<typeof shardInputTopic>;

/**
 * matching.shard-input.v1 (sharded mode): a batch of one shard's input, in
 * offset order. The events between re-match requests are applied to the
 * shard in runs; each request is handed to the shard host in its place.
 */
export const applyOnShardInput = (host: () => ShardHost): Handler => withRematchRequests(host, applyEvents(host));

/** A batch split at re-match requests: the runs between them go to `apply`, each request to the host; one outcome per item. */
export const withRematchRequests =
  (host: () => ShardHost, apply: Handler): Handler =>
  async (items, context) => {
    const outcomes: BatchItemOutcome[] = [];
    let run: BatchItem<typeof shardInputTopic>[] = [];
    const flush = async () => {
      if (run.length === 0) return;
      outcomes.push(...((await apply(run, context)) ?? run.map(() => 'ok' as const)));
      run = [];
    };
    for (const item of items) {
      if (item.event.type !== 'shard.rematch-requested') {
        run.push(item);
        continue;
      }
      await flush();
      await host().requestRematch(context.partition, Number(item.offset), item.event.data);
      context.log.info({ jobId: item.event.data.jobId, shard: context.partition }, 'shard rematch requested');
      outcomes.push('ok');
    }
    await flush();
    return outcomes;
  };

/** A run of a shard's events, no re-match request among them, applied to the shard. Candidate outcomes change nothing. */
const applyEvents =
  (host: () => ShardHost): Handler =>
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
