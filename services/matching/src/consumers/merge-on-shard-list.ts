import type { BatchEventHandler } from '@ketnoi/messaging';
import type { MergeStage } from '../sharding/merge-stage.js';
import type { shardListsTopic } from '../sharding/topics.js';

/** matching.shard-lists.v1 (sharded mode): shards' lists merged per vacancy; the changes announced on matches.v1. */
export const mergeOnShardList =
  (stage: () => MergeStage): BatchEventHandler<typeof shardListsTopic> =>
  async (items, context) => {
    await stage().applyBatch(context.partition, items.map((item) => item.offset), items.map(({ event }) => event.data));
    context.log.debug({ lists: items.length }, 'shard lists merged');
  };
