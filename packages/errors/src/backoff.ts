export interface Backoff {
  /** Wait after the first failure. */
  initialMs: number;
  /** Longest wait, however many failures in a row. */
  maxMs: number;
  /**
   * Spread the waits of many callers failing at once: a wait is drawn between
   * half and all of the doubling ceiling ("equal jitter"). Default: no jitter.
   */
  jitter?: boolean;
}

// 2 ** 30 × initialMs is past any maxMs; it also keeps a huge attempt from overflowing to Infinity.
const MAX_DOUBLINGS = 30;

/**
 * Wait before retry number `attempt` (1-based) after failures in a row:
 * doubling from `initialMs`, never above `maxMs`; with `jitter`, a random
 * wait between half and all of that.
 */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const doublings = Math.min(MAX_DOUBLINGS, Math.max(0, attempt - 1));
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** doublings);
  return backoff.jitter ? Math.round(ceiling / 2 + (random() * ceiling) / 2) : ceiling;
}
