import { digestSlot } from '../domain/digest.js';
import type { MatchNotice } from '../domain/match-notice.js';
import { noticeOfMatch } from '../domain/match-notice.js';
import type { Delivery } from '../domain/plan-deliveries.js';
import type { NotificationDeps } from './deps.js';
import { suppressedEvent } from './notification-events.js';

/**
 * A match for a worker who chose the daily digest: each channel that would
 * have carried it is recorded as suppressed (`digest`, naming the digest) and
 * the match joins the worker's next digest; refused channels are suppressed
 * as usual. The claims make a replay fold nothing twice.
 */
export async function foldIntoDigest(deps: NotificationDeps, match: MatchNotice, plan: Delivery[]): Promise<Delivery[] | 'duplicate'> {
  const now = deps.now();
  let slot = digestSlot(match.workerId, now, deps.digestTime, deps.quietHours);
  // A late poller may have sent this slot's digest already: the match goes to the next one.
  if (await deps.digests.isSent(slot.digestId)) slot = digestSlot(match.workerId, new Date(slot.dueAt.getTime() + 60_000), deps.digestTime, deps.quietHours);
  const notice = noticeOfMatch(match);
  const outcome: Delivery[] = [];
  let claimed = 0;
  let folded = false;
  for (const delivery of plan) {
    const reason = delivery.action === 'suppress' ? delivery.reason : 'digest';
    const detail = reason === 'digest' ? `folded into digest ${slot.digestId}` : undefined;
    const fresh = await deps.deliveries.claim({
      matchId: match.matchId,
      workerId: match.workerId,
      channel: delivery.channel,
      state: 'suppressed',
      at: now,
      events: [suppressedEvent(notice, delivery.channel, now, reason, detail)],
    });
    if (!fresh) continue;
    claimed += 1;
    folded ||= reason === 'digest';
    outcome.push({ channel: delivery.channel, action: 'suppress', reason });
  }
  if (folded) {
    await deps.digests.add(
      { _id: slot.digestId, workerId: match.workerId, day: slot.day, dueAt: slot.dueAt },
      { matchId: match.matchId, vacancyId: match.vacancyId, proposedAt: match.proposedAt },
    );
  }
  if (claimed > 0) deps.published();
  return claimed > 0 ? outcome : 'duplicate';
}
