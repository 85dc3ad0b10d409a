import type { BatchEventHandler, BatchItem, BatchItemOutcome } from '@ketnoi/messaging';
import type { ShardHost } from './shard-host.js';
import type { shardInputTopic } from './topics.js';

type Handler = BatchEventHandler<typeof shardInputTopic>;

/**
 * A shard-input batch split at re-match requests, in offset order: the
 * events between them go to `apply`, each request to the shard host.
 */
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
