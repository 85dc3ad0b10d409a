import type { Kafka } from 'kafkajs';
import { readToEnd } from '../kafka/read-to-end.js';
import { replayEntry, replayKey, type ReplayEntry } from './dead-letter-view.js';

/** What was replayed from a dead-letter topic, by partition:offset (latest entry wins, as compaction keeps). */
export async function readReplayLog(kafka: Kafka, logTopic: string): Promise<Map<string, ReplayEntry>> {
  const admin = kafka.admin();
  await admin.connect();
  const exists = (await admin.listTopics()).includes(logTopic);
  await admin.disconnect();
  const entries = new Map<string, ReplayEntry>();
  if (!exists) return entries;
  for (const { message } of await readToEnd(kafka, logTopic)) {
    const parsed = replayEntry.safeParse(JSON.parse(message.value?.toString() ?? 'null'));
    if (parsed.success) entries.set(replayKey(parsed.data.partition, parsed.data.offset), parsed.data);
  }
  return entries;
}

/** Creates the replay log if it is missing: one partition, compacted, kept forever. */
export async function ensureReplayLog(kafka: Kafka, logTopic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if ((await admin.listTopics()).includes(logTopic)) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: logTopic, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
    });
  } finally {
    await admin.disconnect();
  }
}
