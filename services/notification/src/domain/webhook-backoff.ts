import { backoffMs } from '@ketnoi/messaging';

export interface WebhookRetryPolicy {
  initialMs: number;
  maxMs: number;
  /** After this long since the first attempt, a delivery is parked instead of retried. */
  giveUpAfterMs: number;
}

/**
 * When to try a failed webhook again: the messaging package's backoff
 * (exponential, jittered between half and all of the ceiling), or null once the next try would
 * fall past the give-up time.
 */
export function nextAttemptAt(firstAt: Date, attempts: number, now: Date, policy: WebhookRetryPolicy, random: () => number = Math.random): Date | null {
  const delayMs = backoffMs(Math.max(1, attempts), { attempts: 0, initialMs: policy.initialMs, maxMs: policy.maxMs }, random);
  const next = new Date(now.getTime() + delayMs);
  return next.getTime() - firstAt.getTime() > policy.giveUpAfterMs ? null : next;
}
