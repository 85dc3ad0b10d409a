import { backoffDelay, type Backoff } from '@ketnoi/errors';

export type StartBackoff = Pick<Backoff, 'initialMs' | 'maxMs'>;

/** From 1 s doubling to 30 s: one failed start-up logged at most about twice a minute, however long the outage. */
export const DEFAULT_START_BACKOFF: StartBackoff = { initialMs: 1_000, maxMs: 30_000 };

/** Wait after failed start-up number `attempt` (1-based): doubling from `initialMs`, never above `maxMs`. */
export const startRetryDelay = (attempt: number, backoff: StartBackoff = DEFAULT_START_BACKOFF): number =>
  backoffDelay(attempt, backoff);
