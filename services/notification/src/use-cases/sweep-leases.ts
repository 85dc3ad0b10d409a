import type { NotificationDeps } from './deps.js';

const DAY_MS = 24 * 3600_000;

/**
 * Forgets leases a day after they expired (their items were handled or moved
 * on to a new version long since) and digest marks after a week.
 */
export async function sweepLeases(deps: NotificationDeps): Promise<number> {
  const now = deps.now();
  const swept = await deps.leases.sweep(now, DAY_MS);
  await deps.digests.sweepSent(new Date(now.getTime() - 7 * DAY_MS));
  return swept;
}
