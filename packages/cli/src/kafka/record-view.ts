import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { RecordView } from '../format/event-line.js';

export const headerText = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v)?.toString() ?? '']),
  );

export const recordView = (topic: string, partition: number, message: KafkaMessage): RecordView => ({
  topic,
  partition,
  offset: message.offset,
  timestamp: message.timestamp,
  key: message.key?.toString() ?? null,
  value: message.value?.toString() ?? null,
  headers: headerText(message.headers),
});
