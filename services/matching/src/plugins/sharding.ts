import { placementsTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { ensureTopics, type TopicNamer } from '@ketnoi/messaging';
import { consumerPlugin, type ServiceApp } from '@ketnoi/service-kit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import { applyOnShardInput } from '../consumers/apply-on-shard-input.js';
import { mergeOnShardList } from '../consumers/merge-on-shard-list.js';
import { ShardStore } from '../repositories/shard-store.js';
import { MergeStage } from '../sharding/merge-stage.js';
import { ShardHost } from '../sharding/shard-host.js';
import { ShardRouter } from '../sharding/shard-router.js';
import { ShardedReads } from '../sharding/sharded-reads.js';
import { ShardedRematch } from '../sharding/sharded-rematch.js';
import { shardInputTopic, shardListsTopic } from '../sharding/topics.js';
import { RematchJobs } from '../use-cases/rematch-jobs.js';

declare module 'fastify' {
  interface FastifyInstance {
    shardRouter: ShardRouter;
    shardHost: ShardHost;
    mergeStage: MergeStage;
  }
}

export interface ShardingPluginOptions {
  topicName: TopicNamer;
  now: () => Date;
}

/** Sharded mode (MATCHING_SHARDED): the router's producer, this instance's shards and its part of the merge stage. */
export const shardingPlugin = fp(
  async (app: FastifyInstance, { topicName, now }: ShardingPluginOptions) => {
    const log = (app.log as Logger).child({ component: 'sharding' });
    await ensureTopics(app.kafka, [shardInputTopic, shardListsTopic], { topicName, logger: log });
    const router = new ShardRouter(app.kafka, topicName);
    await router.connect();
    app.addHook('onClose', () => router.disconnect());
    const store = new ShardStore(app.mongo);
    const ctx = () => app.matching.engine.ctx;
    const { tables, store: projections } = app.matching;
    const host = new ShardHost(ctx, tables, projections, store, app.publisher, log);
    app.addHook('onClose', () => host.close());
    app.decorate('shardRouter', router);
    app.decorate('shardHost', host);
    app.decorate('mergeStage', new MergeStage(() => ctx().config, store, app.publisher, now));
    app.decorate('matchReads', new ShardedReads(host, tables, projections, store));
    const jobs = new RematchJobs(new ShardedRematch(router, store, () => ctx().config.version, app.publisher.source, now), now, log);
    app.decorate('rematchJobs', jobs);
    app.addHook('onClose', () => jobs.close());
  },
  { name: 'sharding', fastify: '5.x', dependencies: ['mongo', 'kafka', 'matching'] },
);

export interface ShardedOptions {
  groupId: string;
  topicName: TopicNamer;
  batch: { maxBatchSize: number };
  now: () => Date;
}

/** Sharded mode: three consumer groups, so that each stage's partitions are spread over the instances. */
export async function registerSharded(app: ServiceApp, { groupId, topicName, batch, now }: ShardedOptions): Promise<void> {
  await app.register(shardingPlugin, { topicName, now });
  const common = { topicName, fromBeginning: true } as const;
  await app.register(
    consumerPlugin({
      ...common,
      name: 'matching-router',
      groupId: `${groupId}-router`,
      subscribe: (consumer, instance) =>
        consumer
          .subscribeBatch(workersTopic, instance.shardRouter.handler(), batch)
          .subscribeBatch(vacanciesTopic, instance.shardRouter.handler(), batch)
          .subscribeBatch(placementsTopic, instance.shardRouter.handler(), batch),
    }),
  );
  await app.register(
    consumerPlugin({
      ...common,
      name: 'matching-shards',
      groupId: `${groupId}-shards`,
      subscribe: (consumer, instance) => consumer.subscribeBatch(shardInputTopic, applyOnShardInput(() => instance.shardHost), batch),
      // A revoked shard's memory is freed at once, and a late batch of it refused.
      onAssigned: (assignment, instance) => instance.shardHost.assign(assignment[0]?.partitions ?? []),
    }),
  );
  await app.register(
    consumerPlugin({
      ...common,
      name: 'matching-merge',
      groupId: `${groupId}-merge`,
      subscribe: (consumer, instance) => consumer.subscribeBatch(shardListsTopic, mergeOnShardList(() => instance.mergeStage), batch),
    }),
  );
}
