import { jobVariables } from '../domain/job-variables.js';
import type { MatchNotice } from '../domain/match-notice.js';
import type { Contact, JobSummary, WorkerChannel } from '../domain/types.js';
import type { NotificationDeps } from './deps.js';

/** Renders the match message in the worker's language and hands it to one channel. */
export async function sendOnChannel(
  deps: NotificationDeps,
  notice: MatchNotice,
  channel: WorkerChannel,
  contact: Contact,
  job: JobSummary,
): Promise<void> {
  const message = deps.matchProposed(contact.language, jobVariables(job, contact.language));
  if (channel === 'in-app') {
    await deps.inbox.add({
      _id: notice.matchId,
      workerId: notice.workerId,
      matchId: notice.matchId,
      vacancyId: notice.vacancyId,
      language: contact.language,
      title: message.subject,
      body: message.text,
      at: deps.now(),
      readAt: null,
    });
  } else if (channel === 'sms') {
    await deps.sms.send(contact.phone!, message.sms);
  } else {
    await deps.email.send({ to: contact.email!, subject: message.subject, text: message.text, html: message.html });
  }
}
