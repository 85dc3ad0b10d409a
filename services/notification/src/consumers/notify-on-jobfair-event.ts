import type { jobFairsTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import { interviewStateKey } from '../domain/jobfair-notice.js';
import type { NotificationDeps } from '../use-cases/deps.js';
import { invitationOutgoing, reminderOutgoing } from '../use-cases/outgoing.js';
import { tellWorker } from '../use-cases/tell-worker.js';

/**
 * jobfair.interview.scheduled invites the worker, jobfair.reminder reminds
 * them (of the fair or of an interview), by the rules of every worker
 * message; jobfair.interview.cancelled is remembered, so that an invitation
 * or reminder still waiting out the quiet hours is not sent. The rest of the
 * fair's life is not for workers' phones.
 */
export const notifyOnJobFairEvent =
  (deps: () => NotificationDeps): EventHandler<typeof jobFairsTopic> =>
  async (event, context) => {
    if (event.type === 'jobfair.interview.cancelled') {
      await deps().matchStates.withdraw(interviewStateKey(event.data.interviewId), new Date(event.data.at));
      context.log.debug({ interviewId: event.data.interviewId }, 'interview cancelled');
      return undefined;
    }
    // Replayed or late: an invitation or reminder for what has already begun helps nobody.
    if ((event.type === 'jobfair.interview.scheduled' || event.type === 'jobfair.reminder') && new Date(event.data.startsAt) <= deps().now()) {
      context.log.info({ fairId: event.data.fairId, type: event.type }, 'job fair message for the past, not sent');
      return 'duplicate';
    }
    let outcome: Awaited<ReturnType<typeof tellWorker>>;
    if (event.type === 'jobfair.interview.scheduled') {
      const interview = event.data;
      const cancelled = await deps().matchStates.withdrawnSince(interviewStateKey(interview.interviewId), new Date(interview.at));
      outcome = await tellWorker(deps(), invitationOutgoing(deps(), interview, event.id), { kind: 'jobfair-invitation', payload: interview }, cancelled);
    } else if (event.type === 'jobfair.reminder') {
      const reminder = event.data;
      const cancelled = reminder.interviewId !== undefined && (await deps().matchStates.withdrawnSince(interviewStateKey(reminder.interviewId), new Date(reminder.at)));
      outcome = await tellWorker(deps(), reminderOutgoing(deps(), reminder, event.id), { kind: 'jobfair-reminder', payload: reminder }, cancelled);
    } else {
      return 'duplicate';
    }
    if (outcome === 'duplicate') return outcome;
    const actions = Object.fromEntries(outcome.map((d) => [d.channel, d.action === 'suppress' ? d.reason : d.action]));
    context.log.info({ fairId: event.data.fairId, workerId: event.data.workerId, type: event.type, actions }, 'job fair message handled');
    return undefined;
  };
