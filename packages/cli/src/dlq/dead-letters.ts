import { userInfo } from 'node:os';
import type { Kafka } from 'kafkajs';
import { readToEnd } from '../kafka/read-to-end.js';
import { recordView } from '../kafka/record-view.js';
import { deadLetterView, dlqTopicOf, replayHeaders, replayKey, replayLogTopicOf, type DeadLetterView, type ReplayEntry } from './dead-letter-view.js';
import { ensureReplayLog, readReplayLog } from './replay-log.js';
import { selectRecords, type OffsetChoice } from './select-offsets.js';

export interface DeadLetters {
  dlqTopic: string;
  letters: DeadLetterView[];
  replays: Map<string, ReplayEntry>;
}

/** Every record of a topic's dead-letter twin, with what was already replayed. */
export async function listDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetters> {
  const dlqTopic = dlqTopicOf(topic);
  const admin = kafka.admin();
  await admin.connect();
  const exists = (await admin.listTopics()).includes(dlqTopic);
  await admin.disconnect();
  if (!exists) throw new Error(`there is no topic ${dlqTopic}`);
  const records = await readToEnd(kafka, dlqTopic);
  return {
    dlqTopic,
    letters: records.map(({ partition, message }) => deadLetterView(recordView(dlqTopic, partition, message))),
    replays: await readReplayLog(kafka, replayLogTopicOf(dlqTopic)),
  };
}

export interface ReplayRequest {
  topic: string;
  /** Offsets to replay; undefined replays every record not yet replayed. */
  choices?: OffsetChoice[];
  /** Replay again what was replayed before. */
  force?: boolean;
  by?: string;
  now?: () => Date;
}

export interface ReplayOutcome {
  dlqTopic: string;
  replayed: DeadLetterView[];
  /** Chosen but replayed before (without --force), with when. */
  skipped: { letter: DeadLetterView; entry: ReplayEntry }[];
}

/**
 * Sends chosen dead letters back to the topic they came from, unchanged
 * (key, value, headers without the dead-letter ones), after the consumer
 * has been fixed; then records each replay in the compacted replay log, so
 * that a second replay of the same record needs --force.
 */
export async function replayDeadLetters(kafka: Kafka, request: ReplayRequest): Promise<ReplayOutcome> {
  const { dlqTopic, letters, replays } = await listDeadLetters(kafka, request.topic);
  const chosen = request.choices ? selectRecords(letters, request.choices) : letters;
  const skipped: ReplayOutcome['skipped'] = [];
  const toReplay: DeadLetterView[] = [];
  for (const letter of chosen) {
    const entry = replays.get(replayKey(letter.partition, letter.offset));
    if (entry && !request.force) skipped.push({ letter, entry });
    else toReplay.push(letter);
  }
  const unknownOrigin = toReplay.find((l) => l.origin.topic === '');
  if (unknownOrigin) throw new Error(`dead letter ${unknownOrigin.partition}:${unknownOrigin.offset} names no origin topic (ketnoi-dlq-topic)`);
  if (toReplay.length === 0) return { dlqTopic, replayed: [], skipped };

  const at = (request.now ?? (() => new Date()))().toISOString();
  const by = request.by ?? userInfo().username;
  const logTopic = replayLogTopicOf(dlqTopic);
  await ensureReplayLog(kafka, logTopic);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const origins = [...new Set(toReplay.map((l) => l.origin.topic))];
    await producer.sendBatch({
      acks: -1,
      topicMessages: origins.map((topic) => ({
        topic,
        messages: toReplay
          .filter((l) => l.origin.topic === topic)
          .map((l) => ({ key: l.record.key, value: l.record.value, headers: replayHeaders(l, dlqTopic, at) })),
      })),
    });
    await producer.send({
      topic: logTopic,
      acks: -1,
      messages: toReplay.map((l) => {
        const entry: ReplayEntry = { dlqTopic, partition: l.partition, offset: l.offset, originTopic: l.origin.topic, replayedAt: at, by };
        return { key: replayKey(l.partition, l.offset), value: JSON.stringify(entry) };
      }),
    });
  } finally {
    await producer.disconnect();
  }
  return { dlqTopic, replayed: toReplay, skipped };
}
