import { emailMessageId } from '../domain/message-id.js';
import type { Notice } from '../domain/notice.js';
import type { Contact, Language, WorkerChannel } from '../domain/types.js';
import type { RenderedMessage } from '../messages/message-templates.js';
import type { InboxItem, InboxKind } from '../repositories/inbox.js';
import type { NotificationDeps } from './deps.js';

/** A notice ready to go out: how to word it in each language and what its inbox item points at. */
export interface Outgoing {
  notice: Notice;
  render: (language: Language) => RenderedMessage;
  inbox: { kind: InboxKind; matchId?: string | undefined; vacancyId?: string | undefined };
}

/** The in-app item of a notice, under its key, in the worker's language. */
export function inboxItem(deps: NotificationDeps, outgoing: Outgoing, contact: Contact, message = outgoing.render(contact.language)): InboxItem {
  return {
    _id: outgoing.notice.key,
    workerId: outgoing.notice.workerId,
    ...outgoing.inbox,
    language: contact.language,
    title: message.subject,
    body: message.text,
    at: deps.now(),
    readAt: null,
  };
}

/** Renders the message in the worker's language and hands it to one channel. */
export async function sendOnChannel(deps: NotificationDeps, outgoing: Outgoing, channel: WorkerChannel, contact: Contact): Promise<void> {
  const message = outgoing.render(contact.language);
  if (channel === 'in-app') {
    await deps.inbox.add(inboxItem(deps, outgoing, contact, message));
  } else if (channel === 'sms') {
    await deps.sms.send(contact.phone!, message.sms);
  } else {
    const messageId = emailMessageId(`${outgoing.notice.key}:email`, deps.emailFrom);
    await deps.email.send({ messageId, to: contact.email!, subject: message.subject, text: message.text, html: message.html });
  }
}
