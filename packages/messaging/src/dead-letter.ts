import { dlqTopicName } from '@ketnoi/contracts';
import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  group: string;
  code: string;
  reason: string;
}

/**
 * Sends a rejected message, unchanged, to its topic's `.dlq` twin with the
 * reason and origin in headers. Resolves only once the broker has it, so the
 * original offset can then be committed without losing anything.
 */
export async function sendToDeadLetter(producer: Producer, dead: DeadLetter): Promise<void> {
  const headers: IHeaders = {
    ...dead.message.headers,
    'ketnoi-dlq-reason': dead.reason.slice(0, 2_000),
    'ketnoi-dlq-code': dead.code,
    'ketnoi-dlq-topic': dead.topic,
    'ketnoi-dlq-partition': String(dead.partition),
    'ketnoi-dlq-offset': dead.message.offset,
    'ketnoi-dlq-group': dead.group,
    'ketnoi-dlq-at': new Date().toISOString(),
  };
  await producer.send({
    topic: dlqTopicName(dead.topic),
    acks: -1,
    messages: [{ key: dead.message.key, value: dead.message.value, headers }],
  });
}
