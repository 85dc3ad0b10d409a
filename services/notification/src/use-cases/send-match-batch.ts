import { isRetriable } from '@ketnoi/errors';
import type { Logger } from 'pino';
import type { JudgedMatch } from '../domain/match-batch.js';
import { deliveryKey } from '../domain/notice.js';
import type { WorkerChannel } from '../domain/types.js';
import type { Step } from '../repositories/deliveries.js';
import { settleIfUnrecorded } from './carry-out-delivery.js';
import type { NotificationDeps } from './deps.js';
import { failedEvent, sentEvent } from './notification-events.js';
import { matchOutgoing } from './outgoing.js';
import { inboxItem, sendOnChannel, type Outgoing } from './send-on-channel.js';
import { settleUnrecorded } from './settle-unrecorded.js';

export interface BatchSent {
  /** Outcomes recorded (each with its event). */
  recorded: number;
  /** Matches of which a try cut short by a crash was settled now. */
  settled: Set<string>;
  counts: { sent: number; failed: number; settled: number };
}

interface Send {
  match: JudgedMatch;
  outgoing: Outgoing;
  channel: WorkerChannel;
}

/**
 * Sends what the batch claimed, then records the outcomes in one command.
 * The in-app items go in one insert; SMS and email one message at a time.
 * An SMS is claimed on its own right before it goes (a gateway cannot tell a
 * repeat, so a crash must leave at most the one SMS under way unknown, as one
 * by one); emails and in-app items were claimed with the batch: a crash
 * before their send leaves a claim that the redelivery settles by sending
 * (the same Message-ID, the same inbox key). A failure worth retrying
 * records what went out, gives back the claims not tried yet, and rethrows:
 * the batch comes again and finds those outcomes.
 */
export async function sendMatchBatch(
  deps: NotificationDeps,
  matches: readonly JudgedMatch[],
  taken: ReadonlySet<string>,
  { log, heartbeat }: { log: Logger; heartbeat: () => Promise<void> },
): Promise<BatchSent> {
  const outcomes: Step[] = [];
  const result: BatchSent = { recorded: 0, settled: new Set(), counts: { sent: 0, failed: 0, settled: 0 } };
  const record = async () => {
    await deps.deliveries.finishMany(outcomes);
    result.recorded += outcomes.length;
    outcomes.length = 0;
  };
  const outcome = (send: Send, state: 'sent' | 'failed', reason?: string) => {
    const at = deps.now();
    const { notice } = send.outgoing;
    const event = state === 'sent' ? sentEvent(notice, send.channel, at) : failedEvent(notice, send.channel, at, reason ?? '');
    outcomes.push({ matchId: notice.key, workerId: notice.workerId, channel: send.channel, state, at, events: [event] });
    result.counts[state] += 1;
  };

  const { sends, unsettled } = plannedSends(deps, matches, taken);
  // Claims written with the batch whose send has not been tried: given back if the batch stops for a retry.
  const untried = new Set(sends.filter((s) => s.channel !== 'sms'));
  const giveBack = async (current: Send | null) => {
    await record();
    const back = [...untried, ...(current ? [current] : [])].map((s) => ({ matchId: s.match.notice.matchId, channel: s.channel }));
    await deps.deliveries.releaseMany(back);
  };

  const inApp = sends.filter((s) => s.channel === 'in-app');
  try {
    await deps.inbox.addMany(inApp.map((s) => inboxItem(deps, s.outgoing, s.match.contact!)));
  } catch (error) {
    if (isRetriable(error)) await giveBack(null);
    throw error;
  }
  for (const send of inApp) {
    untried.delete(send);
    await deps.faults?.afterSend?.(`${send.match.notice.matchId}:in-app`);
    outcome(send, 'sent');
  }

  for (const send of sends.filter((s) => s.channel !== 'in-app')) {
    const { match, channel } = send;
    untried.delete(send);
    // A batch's messages may outlast the group's session timeout.
    await heartbeat();
    if (channel === 'sms' && !(await deps.deliveries.claim({ matchId: match.notice.matchId, workerId: match.notice.workerId, channel, state: 'sending', at: deps.now() }))) {
      unsettled.push(send);
      continue;
    }
    try {
      await sendOnChannel(deps, send.outgoing, channel, match.contact!);
    } catch (error) {
      if (isRetriable(error)) {
        await giveBack(send);
        throw error;
      }
      outcome(send, 'failed', (error as Error).message);
      continue;
    }
    await deps.faults?.afterSend?.(`${match.notice.matchId}:${channel}`);
    outcome(send, 'sent');
  }
  await record();
  await settle(deps, unsettled, log, result);
  return result;
}

/** What the batch sends under its claims, and what it found claimed without an outcome (or claimed meanwhile by another instance). */
function plannedSends(deps: NotificationDeps, matches: readonly JudgedMatch[], taken: ReadonlySet<string>) {
  const sends: Send[] = [];
  const unsettled: Send[] = [];
  for (const match of matches) {
    const outgoing = matchOutgoing(deps, match.notice, match.job!);
    for (const channel of match.unrecorded) unsettled.push({ match, outgoing, channel });
    for (const { delivery } of match.claims) {
      const send = { match, outgoing, channel: delivery.channel };
      if (taken.has(deliveryKey(match.notice.matchId, delivery.channel))) unsettled.push(send);
      else if (delivery.action === 'send') sends.push(send);
    }
  }
  return { sends, unsettled };
}

/** Claims without an outcome: a crash cut the last try short (settled now), or another instance took them meanwhile (settled if it stopped too). */
async function settle(deps: NotificationDeps, unsettled: readonly Send[], log: Logger, result: BatchSent): Promise<void> {
  for (const { match, outgoing, channel } of unsettled) {
    if (match.unrecorded.includes(channel)) {
      const settled = await settleUnrecorded(deps, outgoing, channel, match.contact);
      log.warn({ notificationId: `${match.notice.matchId}:${channel}`, settled }, 'a send never recorded (crash) was settled');
    } else if (!(await settleIfUnrecorded(deps, outgoing, channel, match.contact))) {
      continue;
    }
    result.settled.add(match.notice.matchId);
    result.counts.settled += 1;
    result.recorded += 1;
  }
}
