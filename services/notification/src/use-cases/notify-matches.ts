import { unavailable } from '@ketnoi/errors';
import type { Logger } from 'pino';
import { emptyKnown, MatchBatch, type JudgedMatch, type ProposedMatch } from '../domain/match-batch.js';
import { noticeOfMatch } from '../domain/match-notice.js';
import { deliveryKey } from '../domain/notice.js';
import type { Step } from '../repositories/deliveries.js';
import type { DeferredDoc } from '../repositories/deferred.js';
import type { NotificationDeps } from './deps.js';
import { deferredDoc } from './carry-out-delivery.js';
import { loadMatchBatch, matchRules } from './load-match-batch.js';
import { deferredEvent, suppressedEvent } from './notification-events.js';
import { sendMatchBatch } from './send-match-batch.js';

/** One matches.v1 event as the batch sees it. */
export type MatchEvent =
  | { type: 'match.proposed'; proposal: ProposedMatch }
  | { type: 'match.withdrawn'; matchId: string; at: Date }
  /** Score updates say nothing new to the worker. */
  | { type: 'ignored' };

export type MatchOutcome = 'ok' | 'duplicate';

/** The claim (delivery-log step 1) of a judged delivery that is written with the batch: all but SMS sends, each claimed just before it goes. */
function claimSteps(judged: JudgedMatch, now: Date): Step[] {
  const notice = noticeOfMatch(judged.notice);
  return judged.claims
    .filter(({ delivery }) => !(delivery.action === 'send' && delivery.channel === 'sms'))
    .map(({ delivery, state, digestId }) => {
      const base = { matchId: notice.key, workerId: notice.workerId, channel: delivery.channel, state, at: now };
      if (delivery.action === 'suppress') return { ...base, events: [suppressedEvent(notice, delivery.channel, now, delivery.reason, digestId ? `folded into digest ${digestId}` : undefined)] };
      if (delivery.action === 'defer') return { ...base, events: [deferredEvent(notice, delivery.channel, now, delivery.until)] };
      return base;
    });
}

const deferredDocs = ({ notice, claims }: JudgedMatch): DeferredDoc[] => {
  const source = { kind: 'match' as const, matchId: notice.matchId, vacancyId: notice.vacancyId, proposedAt: notice.proposedAt };
  return claims.flatMap(({ delivery }) => (delivery.action === 'defer' ? [deferredDoc(noticeOfMatch(notice), source, delivery.channel, delivery.until)] : []));
};

/**
 * Handles matches.v1 events of one partition together: reads what they need
 * once, judges each in offset order (domain/match-batch.ts: the rules, the
 * cap, the digest, withdrawals earlier in the batch), writes each collection
 * once, then sends. A batch of one is the one-by-one path.
 *
 * Writes come in an order a crash can stop anywhere: cap slots (a retry finds
 * them held by the same matches), match states, webhooks, digest items and
 * deferred entries (before the claims that make a redelivery skip them),
 * then the claims, the sends under them and their outcomes.
 */
export async function notifyMatches(deps: NotificationDeps, events: readonly MatchEvent[], { log, heartbeat }: { log: Logger; heartbeat: () => Promise<void> }): Promise<MatchOutcome[]> {
  const now = deps.now();
  const proposals = events.flatMap((e) => (e.type === 'match.proposed' ? [e.proposal.notice] : []));
  const known = proposals.length > 0 ? await loadMatchBatch(deps, proposals, now) : emptyKnown();
  const judged = judgeInOrder(new MatchBatch(known, matchRules(deps), now), events);
  const matches = judged.filter((j): j is JudgedMatch => j !== null);
  const withdrawals = events.flatMap((e) => (e.type === 'match.withdrawn' ? [{ matchId: e.matchId, at: e.at }] : []));

  const slots = matches.flatMap((j) => (j.capSlot ? [{ _id: j.capSlot, matchId: j.notice.matchId }] : []));
  if ((await deps.cap.insert(slots)) > 0) throw unavailable('daily cap slots were taken meanwhile (another instance): the batch is judged again');
  await deps.matchStates.withdrawMany(withdrawals);
  const queued = await deps.webhooks.queue.enqueueMany(matches.flatMap((j) => j.webhooks));
  await deps.digests.addMany(matches.flatMap((j) => (j.digest ? [{ digest: j.digest, item: { matchId: j.notice.matchId, vacancyId: j.notice.vacancyId, proposedAt: j.notice.proposedAt } }] : [])));
  await deps.deferred.addMany(matches.flatMap(deferredDocs));
  const claims = matches.flatMap((j) => claimSteps(j, now));
  const takenIndexes = await deps.deliveries.claimMany(claims);
  deps.cap.settle(slots.map((slot) => slot.matchId));
  const taken = new Set([...takenIndexes].map((index) => deliveryKey(claims[index]!.matchId, claims[index]!.channel)));
  const sent = await sendMatchBatch(deps, matches, taken, { log, heartbeat });
  if (claims.length > takenIndexes.size || sent.recorded > 0) deps.published();

  const outcomes = judged.map((j, index): MatchOutcome => {
    if (!j) return events[index]?.type === 'match.withdrawn' ? 'ok' : 'duplicate';
    // As one by one: 'duplicate' when nothing was claimed, settled or queued for it now.
    const fresh = j.claims.some((c) => !taken.has(deliveryKey(j.notice.matchId, c.delivery.channel))) || sent.settled.has(j.notice.matchId);
    return fresh || j.webhooks.some((w) => queued.has(w._id)) ? 'ok' : 'duplicate';
  });
  for (const j of matches) {
    if (j.claims.length > 0) log.debug({ matchId: j.notice.matchId, workerId: j.notice.workerId, actions: actionsOf(j) }, 'match notified');
  }
  log.info({ events: events.length, proposals: matches.length, withdrawals: withdrawals.length, duplicates: outcomes.filter((o) => o === 'duplicate').length, ...sent.counts }, 'matches notified');
  return outcomes;
}

/** Each event in offset order; a proposal's judgement, null for the others. */
function judgeInOrder(batch: MatchBatch, events: readonly MatchEvent[]): (JudgedMatch | null)[] {
  return events.map((event) => {
    if (event.type === 'match.withdrawn') batch.withdraw(event.matchId, event.at);
    return event.type === 'match.proposed' ? batch.propose(event.proposal) : null;
  });
}

const actionsOf = (j: JudgedMatch) => Object.fromEntries(j.claims.map(({ delivery: d }) => [d.channel, d.action === 'suppress' ? d.reason : d.action]));
