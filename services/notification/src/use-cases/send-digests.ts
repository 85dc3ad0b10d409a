import { isRetriable } from '@ketnoi/errors';
import type { Logger } from 'pino';
import { planDigest, type DigestEntry } from '../domain/digest.js';
import type { JobSummary } from '../domain/types.js';
import type { DigestDoc } from '../repositories/digests.js';
import type { NotificationDeps } from './deps.js';
import { carryOutDelivery } from './carry-out-delivery.js';
import { digestOutgoing } from './outgoing.js';

const leaseItem = (digest: DigestDoc) => `digest:${digest._id}:${digest.dueAt.getTime()}`;

/** One due digest, under its lease: the day's matches still valid, in one message per channel, once. */
async function sendOne(deps: NotificationDeps, seen: DigestDoc, log: Logger): Promise<void> {
  const now = deps.now();
  if (!(await deps.leases.take(leaseItem(seen), now))) return;
  // Read again under the lease: another instance may have sent or postponed it since the scan.
  const digest = await deps.digests.get(seen._id);
  if (!digest || digest.dueAt.getTime() !== seen.dueAt.getTime()) return;
  const items = await deps.digests.itemsOf(digest._id);
  const entries: DigestEntry[] = [];
  for (const item of items) entries.push({ matchId: item.matchId, withdrawn: await deps.matchStates.withdrawnSince(item.matchId, item.proposedAt) });
  const contact = await deps.contacts.get(digest.workerId);
  const plan = planDigest({ contact, entries, now, quietHours: deps.quietHours });
  const itemIds = items.map((item) => item._id);
  if (plan.action === 'postpone') {
    await deps.digests.postpone(digest._id, plan.until);
    log.info({ digestId: digest._id, until: plan.until }, 'digest waits out the quiet hours');
    return;
  }
  const jobs: JobSummary[] = [];
  if (plan.action === 'send') {
    await deps.digests.markSent(digest._id, now);
    for (const item of items.filter((i) => plan.matchIds.includes(i.matchId))) {
      const job = await deps.jobs.describe(item.vacancyId);
      if (job) jobs.push(job);
    }
  }
  if (jobs.length > 0) {
    const outgoing = digestOutgoing(deps, digest._id, digest.workerId, jobs);
    try {
      // A channel sent before a failure keeps its claim: the retry sends the others only.
      for (const delivery of plan.action === 'send' ? plan.deliveries : []) await carryOutDelivery(deps, outgoing, null, delivery, contact);
    } catch (error) {
      if (!isRetriable(error)) throw error;
      await deps.digests.postpone(digest._id, new Date(now.getTime() + deps.retryAfterMs));
      log.warn({ digestId: digest._id, err: error }, 'digest not sent; will retry');
      return;
    }
  }
  await deps.digests.done(digest._id, itemIds);
  log.info({ digestId: digest._id, matches: jobs.length }, jobs.length > 0 ? 'digest sent' : 'digest had nothing left to tell');
}

/** Sends the digests that are due. Returns how many were looked at. */
export async function sendDigests(deps: NotificationDeps, log: Logger, limit = 100): Promise<number> {
  const due = await deps.digests.dueBy(deps.now(), limit);
  for (const digest of due) await sendOne(deps, digest, log);
  if (due.length > 0) deps.published();
  return due.length;
}
