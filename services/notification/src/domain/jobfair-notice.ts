import type { JobFairInterview, JobFairReminder } from '@ketnoi/contracts';
import type { Language } from './types.js';

export const JOBFAIR_INVITATION_TEMPLATE = 'jobfair-invitation';
export const JOBFAIR_REMINDER_TEMPLATE = 'jobfair-reminder';

const clocks = new Map<string, Intl.DateTimeFormat>();

/** "08:30 ngày 05/12/2026" / "08:30 on 05/12/2026", in the service's time zone. */
export function whenText(at: string, language: Language, timeZone: string): string {
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(at)).map(({ type, value }) => [type, value]));
  const date = `${part.day}/${part.month}/${part.year}`;
  return `${part.hour}:${part.minute} ${language === 'vi' ? 'ngày' : 'on'} ${date}`;
}

/** The variables of an interview invitation: every field present (empty when it does not apply). */
export const invitationVariables = (interview: JobFairInterview, language: Language, timeZone: string) => ({
  fair: interview.fairTitle,
  employer: interview.employerName,
  booth: interview.boothLabel,
  vacancy: interview.vacancyTitle,
  when: whenText(interview.startsAt, language, timeZone),
  online: interview.mode === 'online',
  where: interview.mode === 'online' ? (interview.meetingLink ?? '') : (interview.place ?? ''),
});
export type InvitationVariables = ReturnType<typeof invitationVariables>;
export const invitationProbe: InvitationVariables = { fair: 'f', employer: 'e', booth: 'b', vacancy: 'v', when: 'w', online: true, where: 'p' };

/** The variables of a reminder of a fair or of one interview. */
export const reminderVariables = (reminder: JobFairReminder, language: Language, timeZone: string) => ({
  fair: reminder.fairTitle,
  interview: reminder.kind === 'interview',
  employer: reminder.employerName ?? '',
  booth: reminder.boothLabel ?? '',
  vacancy: reminder.vacancyTitle ?? '',
  when: whenText(reminder.startsAt, language, timeZone),
  place: reminder.place ?? '',
  link: reminder.meetingLink ?? '',
});
export type ReminderVariables = ReturnType<typeof reminderVariables>;
export const reminderProbe: ReminderVariables = { fair: 'f', interview: true, employer: 'e', booth: 'b', vacancy: 'v', when: 'w', place: 'p', link: 'l' };

/** Interview state key in the match-state store: a cancelled interview's invitation waiting out the quiet hours is not sent. */
export const interviewStateKey = (interviewId: string) => `interview:${interviewId}`;
