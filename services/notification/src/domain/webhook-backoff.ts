export interface WebhookRetryPolicy {
  initialMs: number;
  maxMs: number;
  /** After this long since the first attempt, a delivery is parked instead of retried. */
  giveUpAfterMs: number;
}

/**
 * When to try a failed webhook again: exponential backoff with jitter
 * (between half and all of the ceiling), or null once the next try would
 * fall past the give-up time.
 */
export function nextAttemptAt(firstAt: Date, attempts: number, now: Date, policy: WebhookRetryPolicy, random: () => number = Math.random): Date | null {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempts - 1));
  const next = new Date(now.getTime() + Math.round(ceiling / 2 + (random() * ceiling) / 2));
  return next.getTime() - firstAt.getTime() > policy.giveUpAfterMs ? null : next;
}
