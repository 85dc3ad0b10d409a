import { backoffDelay } from '@ketnoi/errors';

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** A process up at least this long counts as healthy again: its next crash starts the backoff over. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

/** Delay before restart number `attempt` (1-based): doubling from `initialMs`, never above `maxMs`. */
export const restartDelay = (attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number =>
  backoffDelay(attempt, policy);

/** The attempt number of the next restart, given how long the process ran this time. */
export const nextAttempt = (previousAttempt: number, uptimeMs: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number =>
  uptimeMs >= policy.resetAfterMs ? 1 : previousAttempt + 1;
