import { backoffDelay } from '@ketnoi/errors';

export interface RetryPolicy {
  /** Attempts in place before the message is handed back to Kafka for redelivery. */
  attempts: number;
  initialMs: number;
  maxMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, initialMs: 200, maxMs: 5_000 };

/** Exponential backoff with jitter: attempt 1 waits between half and all of initialMs. */
export const backoffMs = (attempt: number, policy: RetryPolicy, random: () => number = Math.random): number =>
  backoffDelay(attempt, { initialMs: policy.initialMs, maxMs: policy.maxMs, jitter: true }, random);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
