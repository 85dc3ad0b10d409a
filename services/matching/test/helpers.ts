import { type TopicDefinition, type TopicEventInput } from '@ketnoi/contracts';
import { createKafka, ensureTopics, EventPublisher, withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, createLogger, loadConfig, type DevIssuer, type Role, type ServiceApp } from '@ketnoi/service-kit';
import { testKafka, testLogger, uniqueName, waitFor } from '@ketnoi/testing';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { matchingConfigSchema } from '../src/config.js';
import { shardInputTopic, shardListsTopic } from '../src/sharding/topics.js';

export interface TestService {
  app: ServiceApp;
  suffix: string;
  groupId: string;
  /** MATCHING_SHARDED: three consumer groups (`<groupId>-router`, `-shards`, `-merge`) instead of one. */
  sharded: boolean;
  topic: (contractName: string) => string;
  bearer: (roles?: Role[], employerId?: string) => Promise<{ authorization: string }>;
  close: (options?: { keepDatabase?: boolean }) => Promise<void>;
}

/** MATCHING_TEST_SHARDED=true: every service a test starts runs sharded, unless the test says otherwise. */
export const testsSharded = process.env.MATCHING_TEST_SHARDED === 'true';

export interface StartOptions {
  suffix?: string;
  dbName?: string;
  issuer?: DevIssuer;
  scoring?: string;
  /** The service's clock (ages are counted in its month). */
  now?: () => Date;
  /** Consumer group (default: one per suffix); a new one re-reads every topic from the start. */
  groupId?: string;
  /** MATCHING_BATCH_SIZE (1: event by event). */
  batchSize?: number;
  /** MATCHING_SHARDED: router, shards and merge stage, each its own consumer group. */
  sharded?: boolean;
}

/** The matching service on the real broker and FerretDB, with its own topics, group and database. */
export async function startService(options: StartOptions = {}): Promise<TestService> {
  const { kafkaBrokers, mongoUrl } = inject('infra');
  const issuer = options.issuer ?? (await createDevIssuer());
  const suffix = options.suffix ?? uniqueName('match');
  const dbName = options.dbName ?? suffix.replace(/-/g, '_');
  const sharded = options.sharded ?? testsSharded;
  const groupId = options.groupId ?? `matching-${suffix}`;
  const config = loadConfig(matchingConfigSchema, {
    SERVICE_NAME: 'matching',
    MONGO_URL: mongoUrl,
    MONGO_DB_NAME: dbName,
    KAFKA_BROKERS: kafkaBrokers.join(','),
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
    LOG_LEVEL: 'warn',
    ...(options.scoring ? { MATCHING_SCORING: options.scoring } : {}),
    ...(options.batchSize ? { MATCHING_BATCH_SIZE: String(options.batchSize) } : {}),
    ...(sharded ? { MATCHING_SHARDED: 'true' } : {}),
  });
  const app = await buildApp(config, {
    logger: createLogger({ serviceName: 'matching', level: 'error' }),
    topicName: withSuffix(suffix),
    groupId,
    ...(options.now ? { now: options.now } : {}),
  });
  await app.ready();
  return {
    app,
    suffix,
    groupId,
    sharded,
    topic: (name) => withSuffix(suffix)(name),
    bearer: async (roles = ['staff'], employerId) => ({
      authorization: `Bearer ${await issuer.issue({ sub: `tester-${roles.join('-')}`, roles, ...(employerId ? { employerId } : {}) })}`,
    }),
    close: async ({ keepDatabase = false } = {}) => {
      if (!keepDatabase) await app.mongo.dropDatabase();
      await app.close();
    },
  };
}

/** Publishes events as the registration and vacancy-intake services would, to this test's topics. */
export async function publish<T extends TopicDefinition>(suffix: string, topic: T, inputs: TopicEventInput<T>[]): Promise<void> {
  const kafka = createKafka({ brokers: inject('infra').kafkaBrokers, clientId: uniqueName('producer'), logger: testLogger() });
  await ensureTopics(kafka, [topic], { topicName: withSuffix(suffix), logger: testLogger() });
  const publisher = new EventPublisher({ kafka, source: '/test', logger: testLogger(), topicName: withSuffix(suffix) });
  await publisher.connect();
  await publisher.publish(topic, inputs);
  await publisher.disconnect();
}

export { testKafka };

/** Waits until `groupId` has committed every message of `topic` (all of it consumed and applied). */
export async function waitForConsumed(groupId: string, topic: string): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await waitFor(
      async () => {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
        return ends.every((end) => Number(end.high) === 0 || at.get(end.partition) === Number(end.high));
      },
      { timeoutMs: 60_000, what: `${groupId} to consume ${topic}` },
    );
  } finally {
    await admin.disconnect();
  }
}

/** Waits until the service has applied everything on these input topics, and (sharded) merged it. */
export async function waitForApplied(service: TestService, topics: readonly TopicDefinition[]): Promise<void> {
  if (!service.sharded) {
    for (const topic of topics) await waitForConsumed(service.groupId, service.topic(topic.name));
    return;
  }
  for (const topic of topics) await waitForConsumed(`${service.groupId}-router`, service.topic(topic.name));
  await waitForConsumed(`${service.groupId}-shards`, service.topic(shardInputTopic.name));
  await waitForConsumed(`${service.groupId}-merge`, service.topic(shardListsTopic.name));
}

export interface MatchEvent {
  id: string;
  type: string;
  subject: string;
  data: { matchId: string; workerId: string; vacancyId: string; reason?: string; rank?: number; score?: number };
}

/**
 * Effects announced twice (as the chaos suite counts them): a proposal of a
 * match already live, or a withdrawal of one not live. `events` in topic
 * order per vacancy; a repeated CloudEvents id is dropped first.
 */
export function duplicatedEffects(events: readonly MatchEvent[]): number {
  const live = new Set<string>();
  const seen = new Set<string>();
  let twice = 0;
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const { matchId } = event.data;
    if (event.type === 'match.proposed') {
      if (live.has(matchId)) twice += 1;
      live.add(matchId);
    } else if (event.type === 'match.withdrawn' && !live.delete(matchId)) twice += 1;
  }
  return twice;
}

/** What consumers of matches.v1 end up believing: each live match and its last announced score. */
export function foldMatches(events: readonly MatchEvent[]): Map<string, number> {
  const live = new Map<string, number>();
  for (const event of events) {
    if (event.type === 'match.withdrawn') live.delete(event.data.matchId);
    else live.set(event.data.matchId, event.data.score!);
  }
  return live;
}

/** How many messages `topic` holds (all partitions). */
export async function messageCount(topic: string): Promise<number> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Everything an async iterable yields, in order (Array.fromAsync is not in the compiled lib). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
