import { isRetriable } from '@ketnoi/errors';
import type { Logger } from 'pino';
import type { JudgedMatch } from '../domain/match-batch.js';
import { noticeOfMatch } from '../domain/match-notice.js';
import { deliveryKey } from '../domain/notice.js';
import type { WorkerChannel } from '../domain/types.js';
import type { Step } from '../repositories/deliveries.js';
import { settleIfUnrecorded } from './carry-out-delivery.js';
import type { NotificationDeps } from './deps.js';
import { failedEvent, sentEvent } from './notification-events.js';
import { matchOutgoing } from './outgoing.js';
import { inboxItem, sendOnChannel, type Outgoing } from './send-on-channel.js';
import { settleUnrecorded, type Resend } from './settle-unrecorded.js';

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

interface Unsettled {
  match: JudgedMatch;
  channel: WorkerChannel;
}

/**
 * Sends what the batch claimed, then records the outcomes in one command.
 * The in-app items go in one insert; SMS and email in windows of up to
 * `sendConcurrency` SMS and as many emails under way at once. A window's SMS
 * are claimed together right before they go (a gateway cannot tell a repeat, so a crash
 * must leave at most the window's SMS unknown, recorded uncertain and not sent
 * again); emails and in-app items were claimed with the batch: a crash
 * before their send leaves a claim that the redelivery settles by sending
 * (the same Message-ID, the same inbox key). A failure worth retrying
 * records what went out, gives back the claims not tried yet and those that
 * failed, and rethrows: the batch comes again and finds those outcomes.
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
  const recordTry = (send: Send, tried: PromiseSettledResult<void>) =>
    tried.status === 'fulfilled' ? outcome(send, 'sent') : outcome(send, 'failed', (tried.reason as Error).message);

  const { sends, unsettled } = plannedSends(deps, matches, taken);
  // Claims written with the batch whose send has not been tried: given back if the batch stops for a retry.
  const untried = new Set(sends.filter((s) => s.channel !== 'sms'));
  const giveBack = async (failed: readonly Send[]) => {
    await record();
    const back = [...untried, ...failed].map((s) => ({ matchId: s.match.notice.matchId, channel: s.channel }));
    await deps.deliveries.releaseMany(back);
  };

  const inApp = sends.filter((s) => s.channel === 'in-app');
  try {
    await deps.inbox.addMany(inApp.map((s) => inboxItem(deps, s.outgoing, s.match.contact!)));
  } catch (error) {
    if (isRetriable(error)) await giveBack([]);
    throw error;
  }
  for (const send of inApp) {
    untried.delete(send);
    await deps.faults?.afterSend?.(`${send.match.notice.matchId}:in-app`);
    outcome(send, 'sent');
  }

  const [sms, email] = [sends.filter((s) => s.channel === 'sms'), sends.filter((s) => s.channel === 'email')];
  for (let start = 0; start < Math.max(sms.length, email.length); start += deps.sendConcurrency) {
    // A batch's messages may outlast the group's session timeout.
    await heartbeat();
    const next = [...sms.slice(start, start + deps.sendConcurrency), ...email.slice(start, start + deps.sendConcurrency)];
    const window = await claimSms(deps, next, unsettled);
    for (const send of window) untried.delete(send);
    const tried = await Promise.allSettled(window.map((send) => sendOnChannel(deps, send.outgoing, send.channel, send.match.contact!)));
    const retriable = tried.map((t) => t.status === 'rejected' && isRetriable(t.reason));
    if (retriable.includes(true)) {
      // The window's messages that went out (or failed for good) are recorded with the rest; the others are given back.
      for (const [index, send] of window.entries()) if (!retriable[index]) recordTry(send, tried[index]!);
      await giveBack(window.filter((_, index) => retriable[index]));
      throw (tried[retriable.indexOf(true)] as PromiseRejectedResult).reason;
    }
    for (const [index, send] of window.entries()) {
      if (tried[index]!.status === 'fulfilled') await deps.faults?.afterSend?.(`${send.match.notice.matchId}:${send.channel}`);
      recordTry(send, tried[index]!);
    }
  }
  await record();
  await settle(deps, unsettled, log, result);
  return result;
}

/**
 * Claims a window's SMS in one command, right before they go; returns the
 * window without those claimed meanwhile (another instance), which join
 * `unsettled`.
 */
async function claimSms(deps: NotificationDeps, window: readonly Send[], unsettled: Unsettled[]): Promise<Send[]> {
  const sms = window.filter((s) => s.channel === 'sms');
  if (sms.length === 0) return [...window];
  const at = deps.now();
  const claimedBefore = await deps.deliveries.claimMany(sms.map(({ match }) => ({ matchId: match.notice.matchId, workerId: match.notice.workerId, channel: 'sms', state: 'sending', at })));
  const refused = new Set(sms.filter((_, index) => claimedBefore.has(index)));
  for (const send of refused) unsettled.push({ match: send.match, channel: send.channel });
  return window.filter((s) => !refused.has(s));
}

/**
 * How a claim of the match found without an outcome may be sent again: only
 * where the rules, asked again now, still send on that channel. A match
 * withdrawn or placed since (or a worker no longer reachable) is judged
 * without a job and its channels suppressed: its unrecorded tries are
 * recorded uncertain, not worded again (settleUnrecorded).
 */
function resendOf(deps: NotificationDeps, match: JudgedMatch, channel: WorkerChannel): Resend | null {
  const planned = match.plan.find((d) => d.channel === channel);
  if (!match.job || !match.contact || !planned || planned.action === 'suppress') return null;
  return { outgoing: matchOutgoing(deps, match.notice, match.job), contact: match.contact };
}

/** What the batch sends under its claims, and what it found claimed without an outcome (or claimed meanwhile by another instance). */
function plannedSends(deps: NotificationDeps, matches: readonly JudgedMatch[], taken: ReadonlySet<string>) {
  const sends: Send[] = [];
  const unsettled: Unsettled[] = [];
  for (const match of matches) {
    for (const channel of match.unrecorded) unsettled.push({ match, channel });
    // Only a live match plans a send, so its job is known; its channels share one wording.
    const outgoing = match.job ? matchOutgoing(deps, match.notice, match.job) : null;
    for (const { delivery } of match.claims) {
      if (taken.has(deliveryKey(match.notice.matchId, delivery.channel))) unsettled.push({ match, channel: delivery.channel });
      else if (delivery.action === 'send') sends.push({ match, outgoing: outgoing!, channel: delivery.channel });
    }
  }
  return { sends, unsettled };
}

/** Claims without an outcome: a crash cut the last try short (settled now), or another instance took them meanwhile (settled if it stopped too). */
async function settle(deps: NotificationDeps, unsettled: readonly Unsettled[], log: Logger, result: BatchSent): Promise<void> {
  for (const { match, channel } of unsettled) {
    const notice = noticeOfMatch(match.notice);
    const resend = resendOf(deps, match, channel);
    if (match.unrecorded.includes(channel)) {
      const settled = await settleUnrecorded(deps, notice, channel, resend);
      log.warn({ notificationId: `${match.notice.matchId}:${channel}`, settled }, 'a send never recorded (crash) was settled');
    } else if (!(await settleIfUnrecorded(deps, notice, channel, resend))) {
      continue;
    }
    result.settled.add(match.notice.matchId);
    result.counts.settled += 1;
    result.recorded += 1;
  }
}
