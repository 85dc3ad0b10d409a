import { SERVICE_NAMES, type RunningSystem } from '@ketnoi/launcher';
import { Kafka, logLevel } from 'kafkajs';
import { call } from './http.js';

const TOPICS = ['workers.v1', 'worker-contacts.v1', 'vacancies.v1', 'placements.v1', 'matches.v1', 'notifications.v1'];

/** The end offsets of the system's topics, as one string: unchanged means nothing was published meanwhile. */
async function topicEnds(brokers: readonly string[], system: RunningSystem): Promise<string> {
  const kafka = new Kafka({ clientId: 'chaos-settle', brokers: [...brokers], logLevel: logLevel.NOTHING, retry: { retries: 1 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await Promise.all(TOPICS.map((t) => admin.fetchTopicOffsets(system.topic(t))));
    return ends.map((partitions) => partitions.map((p) => p.high).join(',')).join('|');
  } finally {
    await admin.disconnect();
  }
}

/** Messages not yet consumed by the system's consumer groups (`<groupPrefix>.*`), over all their topics. */
export async function consumerLag(brokers: readonly string[], groupPrefix: string): Promise<number> {
  const kafka = new Kafka({ clientId: 'chaos-lag', brokers: [...brokers], logLevel: logLevel.NOTHING, retry: { retries: 1 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${groupPrefix}.`));
    let lag = 0;
    for (const groupId of groups) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const p of partitions) lag += Number(ends.find((e) => e.partition === p.partition)?.high ?? 0) - Math.max(0, Number(p.offset));
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

const allReady = async (system: RunningSystem) => (await Promise.all(SERVICE_NAMES.map((s) => call(`${system.urls[s]}/health/ready`, { timeoutMs: 5_000 })))).every((a) => a?.status === 200);

/**
 * Waits, at most until `deadline`, for every service to be ready, no topic
 * to grow for `quietMs`, every consumer group of the system to have consumed
 * everything (lag 0) and `caughtUp` to hold. Answers how long it took, or
 * null when the deadline came first.
 */
export async function settle(system: RunningSystem, brokers: readonly string[], groupPrefix: string, caughtUp: () => Promise<boolean>, { deadline, quietMs }: { deadline: number; quietMs: number }): Promise<number | null> {
  const began = Date.now();
  let last = '';
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const ends = await topicEnds(brokers, system).catch(() => `unknown ${Date.now()}`);
    if (ends !== last) {
      last = ends;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs && (await allReady(system)) && (await consumerLag(brokers, groupPrefix).catch(() => -1)) === 0 && (await caughtUp())) {
      return Date.now() - began;
    }
    await new Promise((done) => setTimeout(done, 2_000));
  }
  return null;
}
