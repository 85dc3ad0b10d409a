import { defineEvent, defineTopic, matchesTopic, matchScored, matchWithdrawn, placementsTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { z } from 'zod';

/**
 * Internal to matching when it runs sharded (not in the AsyncAPI document:
 * no other service reads them). A shard is a partition of this topic: the
 * router copies each worker event to its workers.v1 partition, each hire to
 * the hired worker's, and each vacancy event to every partition, so one
 * partition holds, in one order, all its shard needs.
 */
/** POST /v1/rematch in sharded mode: sent to every shard-input partition, so each shard's owner re-scores it, wherever it is. */
export const shardRematchRequested = defineEvent(
  'shard.rematch-requested',
  'Re-score every open vacancy of the shard with the current config, ages counted in asOfMonth',
  z.object({ jobId: z.uuid(), asOfMonth: z.number().int() }),
);

export const shardInputTopic = defineTopic({
  name: 'matching.shard-input.v1',
  description: "What each matching shard applies: its workers' events, their hires, every vacancy event, and re-match requests.",
  key: 'workerId',
  partitions: workersTopic.partitions,
  producer: 'matching',
  consumers: ['matching'],
  events: [...workersTopic.events, ...vacanciesTopic.events, ...placementsTopic.events, shardRematchRequested],
});

const shardEntry = matchScored.pick({ workerId: true, score: true, factors: true, boost: true });

export const shardList = z.object({
  vacancyId: z.string().min(1),
  shard: z.number().int().min(0),
  epoch: z.number().int().min(1),
  offset: z.number().int().min(-1),
  entries: z.array(shardEntry),
  /** Workers who left this shard's list since its last list, and why. */
  left: z.array(matchWithdrawn.pick({ workerId: true, reason: true })),
});
export type ShardListData = z.infer<typeof shardList>;

/** Each shard's top-K of a vacancy when it changes, keyed by vacancy: what the merge stage combines. */
export const shardListsTopic = defineTopic({
  name: 'matching.shard-lists.v1',
  description: "A shard's top-K of one vacancy, whenever it changes.",
  key: 'vacancyId',
  partitions: matchesTopic.partitions,
  producer: 'matching',
  consumers: ['matching'],
  events: [defineEvent('shard-list.changed', "A shard's top-K of a vacancy changed", shardList)],
});
