import { maskCitizenIds, maskText } from './mask.js';

/** One Kafka record as the CLI reads it. */
export interface RecordView {
  topic: string;
  partition: number;
  offset: string;
  /** Broker timestamp, ms since the epoch, as text (kafkajs). */
  timestamp: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface ParsedEvent {
  type?: string;
  subject?: string;
  time?: string;
  id?: string;
  data?: unknown;
}

/** The CloudEvent in a record's value, or undefined when the value is not one. */
export function parseEvent(value: string | null): ParsedEvent | undefined {
  if (value === null) return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const event = parsed as Record<string, unknown>;
    if (event.specversion === undefined || typeof event.type !== 'string') return undefined;
    return event as ParsedEvent;
  } catch {
    return undefined;
  }
}

const clip = (text: string, width: number) => (text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`);

/**
 * One line per event: time, type, key, subject, then the data as compact
 * JSON (clipped to `width` characters unless 0). Citizen-IDs never show.
 */
export function formatEvent(record: RecordView, width = 240): string {
  const event = parseEvent(record.value);
  const where = `${record.partition}@${record.offset}`;
  const key = maskText(record.key ?? '-');
  if (!event) {
    const raw = record.value === null ? '(no value)' : maskText(record.value);
    return `${new Date(Number(record.timestamp)).toISOString()}  ${where}  (not a CloudEvent)  key=${key}  ${width > 0 ? clip(raw, width) : raw}`;
  }
  const data = JSON.stringify(maskCitizenIds(event.data ?? null));
  const subject = maskText(event.subject ?? '-');
  const time = event.time ?? new Date(Number(record.timestamp)).toISOString();
  return `${time}  ${where}  ${event.type}  key=${key}  subject=${subject}  ${width > 0 ? clip(data, width) : data}`;
}
