import { unavailable } from '@ketnoi/errors';
import { localDay } from '../domain/local-day.js';
import type { MatchNotice } from '../domain/match-notice.js';
import { planDeliveries, reachesWorker, type Delivery } from '../domain/plan-deliveries.js';
import type { NotificationDeps } from './deps.js';
import { carryOutDelivery } from './carry-out-delivery.js';
import { foldIntoDigest } from './fold-into-digest.js';
import { matchOutgoing } from './outgoing.js';

/**
 * Tells a worker about a proposed match on each channel, by the rules, or
 * folds it into the worker's daily digest when they chose one.
 * Returns the plan, or 'duplicate' when every channel had been handled before.
 */
export async function notifyMatch(deps: NotificationDeps, notice: MatchNotice): Promise<Delivery[] | 'duplicate'> {
  const now = deps.now();
  const contact = await deps.contacts.get(notice.workerId);
  const withdrawn = await deps.matchStates.withdrawnSince(notice.matchId, notice.proposedAt);
  const base = { contact, now, quietHours: deps.quietHours, withdrawn };
  const reaches = reachesWorker(base);
  const job = reaches ? await deps.jobs.describe(notice.vacancyId) : null;
  // The vacancy and employer projections are fed by another consumer: wait for them.
  if (reaches && !job) throw unavailable(`vacancy ${notice.vacancyId} or its employer not projected yet`);
  if (reaches && (await deps.preferences.wantsDigest(notice.workerId))) return foldIntoDigest(deps, notice, planDeliveries({ ...base, capped: false }));
  const capped = reaches && !(await deps.cap.take(notice.workerId, localDay(now, deps.quietHours.timeZone), notice.matchId));
  const plan = planDeliveries({ ...base, capped });
  const outgoing = matchOutgoing(deps, notice, job!);
  const source = { kind: 'match' as const, matchId: notice.matchId, vacancyId: notice.vacancyId, proposedAt: notice.proposedAt };
  // One channel after another: FerretDB on SQLite does not take concurrent writes well.
  let claimed = 0;
  for (const delivery of plan) {
    if (await carryOutDelivery(deps, outgoing, source, delivery, contact)) claimed += 1;
  }
  if (claimed > 0) deps.published();
  return claimed > 0 ? plan : 'duplicate';
}
