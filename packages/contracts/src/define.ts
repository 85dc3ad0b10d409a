import type { z } from 'zod';
import { cloudEvent, type CloudEvent } from './cloud-event.js';

export type ServiceName =
  | 'registration'
  | 'vacancy-intake'
  | 'matching'
  | 'notification'
  | 'analytics'
  | 'jobfairs'
  | 'external';

export interface EventDefinition<T extends string = string, D extends z.ZodType = z.ZodType> {
  type: T;
  summary: string;
  data: D;
  envelope: ReturnType<typeof cloudEvent<T, D>>;
}

export const defineEvent = <T extends string, D extends z.ZodType>(
  type: T,
  summary: string,
  data: D,
): EventDefinition<T, D> => ({ type, summary, data, envelope: cloudEvent(type, data) });

export interface TopicDefinition<E extends readonly EventDefinition[] = readonly EventDefinition[]> {
  name: string;
  description: string;
  /** Which data field the Kafka key (and the CloudEvents subject) is. */
  key: string;
  partitions: number;
  cleanupPolicy: 'delete' | 'compact';
  /** -1 keeps messages forever. */
  retentionMs: number;
  /** Names, phone numbers, addresses or citizen-ID numbers travel on it. */
  personalData: boolean;
  producer: ServiceName;
  consumers: readonly ServiceName[];
  events: E;
}

type Defaulted = 'cleanupPolicy' | 'retentionMs' | 'personalData';

/** A topic; unless it says otherwise it keeps everything (delete policy, no expiry) and carries no personal data. */
export const defineTopic = <const E extends readonly EventDefinition[]>(
  topic: Omit<TopicDefinition<E>, Defaulted> & Partial<Pick<TopicDefinition<E>, Defaulted>>,
): TopicDefinition<E> => ({ cleanupPolicy: 'delete', retentionMs: -1, personalData: false, ...topic });

// Distributes over a union of event definitions, one CloudEvent type per event.
type EventOf<E> = E extends EventDefinition<infer Ty, infer D> ? CloudEvent<Ty, z.output<D>> : never;
type InputOf<E> = E extends EventDefinition<infer Ty, infer D>
  ? { type: Ty; subject: string; data: z.input<D>; id?: string; time?: string }
  : never;

/** Every event a topic carries, as a discriminated union on `type`. */
export type TopicEvent<T extends TopicDefinition> = EventOf<T['events'][number]>;

/** What a producer hands over: type, subject and data; the rest is filled in. */
export type TopicEventInput<T extends TopicDefinition> = InputOf<T['events'][number]>;

/** The dead-letter twin of a consumed topic. */
export const dlqTopicName = (topic: string): string => `${topic}.dlq`;
