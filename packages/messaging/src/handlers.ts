import type { TopicDefinition, TopicEvent } from '@ketnoi/contracts';
import type { IHeaders } from 'kafkajs';
import type { Logger } from 'pino';

export interface HandlerContext {
  topic: string;
  partition: number;
  offset: string;
  headers: IHeaders;
  attempt: number;
  log: Logger;
}

/** Handlers return 'duplicate' when the event was already applied (idempotency). */
export type EventHandler<T extends TopicDefinition> = (
  event: TopicEvent<T>,
  context: HandlerContext,
) => Promise<void | 'duplicate'>;

/** One decoded event of a batch, with where it came from. */
export interface BatchItem<T extends TopicDefinition> {
  event: TopicEvent<T>;
  offset: string;
  headers: IHeaders;
}

export interface BatchContext {
  topic: string;
  partition: number;
  attempt: number;
  log: Logger;
  /** Tells the group this member is alive: call it during work that may outlast the session timeout. */
  heartbeat: () => Promise<void>;
}

/**
 * An event the handler will not apply, ever (it breaks a rule): it goes to the
 * DLQ with code HANDLER_REFUSED and this reason, and the rest of the batch stands.
 */
export interface Refusal {
  refused: string;
}

/** What became of one item: applied, already applied before, or refused. */
export type BatchItemOutcome = 'ok' | 'duplicate' | Refusal;

/**
 * Applies several events of one partition at once (in offset order), so their
 * effects can be written together. It returns one outcome per item ('duplicate'
 * for those already applied, a Refusal for those it will not apply) or nothing
 * when every item took effect. It must be idempotent per event: a failed batch
 * is retried, and a batch failing for a reason that is not retriable is split
 * into single events so the one at fault is dead-lettered and the others still
 * apply.
 */
export type BatchEventHandler<T extends TopicDefinition> = (
  items: readonly BatchItem<T>[],
  context: BatchContext,
) => Promise<void | readonly BatchItemOutcome[]>;

export interface SubscriptionOptions {
  /**
   * The event types the handler wants; the others are acknowledged unread
   * (not decoded, when the message names its type in its `ce_type` header)
   * and counted as `ignored`. Default: every type of the topic.
   */
  types?: readonly string[];
}

export interface BatchSubscriptionOptions extends SubscriptionOptions {
  /** Most events handed to the handler at once (default 500). */
  maxBatchSize?: number;
}
