import type { JobFairInterview, JobFairReminder } from '@ketnoi/contracts';
import { DIGEST_TEMPLATE, digestVariables } from '../domain/digest-variables.js';
import { jobVariables } from '../domain/job-variables.js';
import {
  invitationVariables,
  JOBFAIR_INVITATION_TEMPLATE,
  JOBFAIR_REMINDER_TEMPLATE,
  reminderVariables,
} from '../domain/jobfair-notice.js';
import { noticeOfMatch, type MatchNotice } from '../domain/match-notice.js';
import { placementVariables, PLACEMENT_TEMPLATE, type PlacementNotice } from '../domain/placement-notice.js';
import type { JobSummary, Language } from '../domain/types.js';
import type { RenderedMessage } from '../messages/message-templates.js';
import type { NotificationDeps } from './deps.js';
import type { Outgoing } from './send-on-channel.js';

/** Words a message once per language: the channels of one notice share it. */
function renderedOnce(render: (language: Language) => RenderedMessage): (language: Language) => RenderedMessage {
  const rendered = new Map<Language, RenderedMessage>();
  return (language) => {
    const message = rendered.get(language) ?? render(language);
    rendered.set(language, message);
    return message;
  };
}

export const matchOutgoing = (deps: NotificationDeps, match: MatchNotice, job: JobSummary): Outgoing => ({
  notice: noticeOfMatch(match),
  render: renderedOnce((language) => deps.messages.matchProposed(language, jobVariables(job, language))),
  inbox: { kind: 'match', matchId: match.matchId, vacancyId: match.vacancyId },
});

export const placementOutgoing = (deps: NotificationDeps, placement: PlacementNotice, job: JobSummary): Outgoing => ({
  notice: { key: `placement:${placement.placementId}`, workerId: placement.workerId, template: PLACEMENT_TEMPLATE, causeEventId: placement.causeEventId },
  render: (language) => deps.messages.placementRecorded(language, placementVariables(job, placement.startDate, language)),
  inbox: { kind: 'placement', vacancyId: placement.vacancyId },
});

export const digestOutgoing = (deps: NotificationDeps, digestId: string, workerId: string, jobs: JobSummary[]): Outgoing => ({
  notice: { key: `digest:${digestId}`, workerId, template: DIGEST_TEMPLATE },
  render: (language) => deps.messages.matchDigest(language, digestVariables(jobs, language)),
  inbox: { kind: 'digest' },
});

export const invitationOutgoing = (deps: NotificationDeps, interview: JobFairInterview, causeEventId?: string): Outgoing => ({
  // A rescheduled interview (a new version) is a new invitation.
  notice: { key: `jobfair-interview:${interview.interviewId}:${interview.version}`, workerId: interview.workerId, template: JOBFAIR_INVITATION_TEMPLATE, causeEventId },
  render: (language) => deps.messages.jobfairInvitation(language, invitationVariables(interview, language, deps.quietHours.timeZone)),
  inbox: { kind: 'jobfair', vacancyId: interview.vacancyId },
});

export const reminderOutgoing = (deps: NotificationDeps, reminder: JobFairReminder, causeEventId?: string): Outgoing => ({
  notice: { key: `jobfair-reminder:${reminder.reminderId}`, workerId: reminder.workerId, template: JOBFAIR_REMINDER_TEMPLATE, causeEventId },
  render: (language) => deps.messages.jobfairReminder(language, reminderVariables(reminder, language, deps.quietHours.timeZone)),
  inbox: { kind: 'jobfair' },
});
