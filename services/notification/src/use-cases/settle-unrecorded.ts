import type { Notice } from '../domain/notice.js';
import type { Contact, WorkerChannel } from '../domain/types.js';
import type { NotificationDeps } from './deps.js';
import { sentEvent } from './notification-events.js';
import { sendOnChannel, type Outgoing } from './send-on-channel.js';

export type Settled = 'sent-again' | 'recorded-uncertain';

/** What a send found unrecorded needs to go again: its message and the worker's contact. */
export interface Resend {
  outgoing: Outgoing;
  contact: Contact;
}

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
 *
 * `resend` is null when the rules, asked again now, would not send on the
 * channel (the match was withdrawn or the worker placed meanwhile, consent
 * or the channel withdrawn, the contact gone): the try is then recorded
 * uncertain like an SMS. Sending it would repeat, or send for the first
 * time, a message the worker should no longer get; and a withdrawn match has
 * no job to word it with.
 */
export async function settleUnrecorded(deps: NotificationDeps, notice: Notice, channel: WorkerChannel, resend: Resend | null): Promise<Settled> {
  const again = channel === 'sms' ? null : resend;
  // A failure worth retrying leaves the claim open: the retry settles it.
  if (again) await sendOnChannel(deps, again.outgoing, channel, again.contact);
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
