import type { Contact, WorkerChannel } from '../domain/types.js';
import type { NotificationDeps } from './deps.js';
import { sentEvent } from './notification-events.js';
import { sendOnChannel, type Outgoing } from './send-on-channel.js';

export type Settled = 'sent-again' | 'recorded-uncertain';

/**
 * A send that was claimed and never recorded: the process stopped between
 * the claim and the record of the outcome (a crash), so it is not known
 * whether the message went out. Settled once, by the channel's policy:
 * the inbox item and the email are sent again — the inbox item is inserted
 * under its key (a second insert changes nothing) and the email carries the
 * same Message-ID, so the receiving side can keep one —; an SMS cannot be
 * recognised as a repeat by its receiver, so it is not sent again but
 * recorded as sent, marked uncertain. Either way exactly one
 * `notification.sent` (the outcome's unique `_id` makes the record once).
 */
export async function settleUnrecorded(deps: NotificationDeps, outgoing: Outgoing, channel: WorkerChannel, contact: Contact | null): Promise<Settled> {
  const { notice } = outgoing;
  const again = channel !== 'sms' && contact !== null;
  // A failure worth retrying leaves the claim open: the retry settles it.
  if (again) await sendOnChannel(deps, outgoing, channel, contact);
  const at = deps.now();
  await deps.deliveries.finish({
    matchId: notice.key,
    workerId: notice.workerId,
    channel,
    state: 'sent',
    at,
    ...(again ? {} : { uncertain: true }),
    events: [sentEvent(notice, channel, at)],
  });
  return again ? 'sent-again' : 'recorded-uncertain';
}
