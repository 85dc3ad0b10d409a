import { jobFairsTopic, type JobFairReminder } from '@ketnoi/contracts';
import { pendingEvent } from '@ketnoi/service-kit';
import { derivedId } from '../domain/ids.js';
import type { InterviewState } from '../domain/model.js';
import { listOfFair } from '../repositories/stores.js';
import type { JobFairsContext } from './context.js';
import { getFair } from './fairs.js';
import { registrationsOf } from './registrations.js';

export interface ReminderResult {
  sent: number;
  alreadySent: number;
}

/**
 * Sends each registered worker one reminder of the fair and one of each
 * scheduled interview. A reminder is an aggregate with an id derived from
 * what it reminds of, so asking again (or two instances sweeping at once)
 * sends nothing twice.
 */
export async function sendReminders(ctx: JobFairsContext, fairId: string): Promise<ReminderResult> {
  const fair = (await getFair(ctx, fairId)).state;
  if (fair.status !== 'scheduled') return { sent: 0, alreadySent: 0 };
  const at = ctx.now().toISOString();
  const place = fair.venue ? `${fair.venue.name}${fair.venue.address ? `, ${fair.venue.address}` : ''}` : undefined;
  const common = { fairId, fairTitle: fair.title, at };
  const reminders: JobFairReminder[] = (await registrationsOf(ctx, fairId)).map((r) => ({
    ...common,
    reminderId: derivedId('rem', fairId, r.workerId),
    workerId: r.workerId,
    kind: 'fair' as const,
    startsAt: fair.startsAt,
    endsAt: fair.endsAt,
    ...(place ? { place } : {}),
    ...(fair.onlineLink ? { meetingLink: fair.onlineLink } : {}),
  }));
  const interviews = (await listOfFair<InterviewState>(ctx.stores.interviews, fairId)).filter((i) => i.status === 'scheduled');
  for (const i of interviews) {
    reminders.push({
      ...common,
      reminderId: derivedId('rem', i.interviewId),
      workerId: i.workerId,
      kind: 'interview',
      interviewId: i.interviewId,
      startsAt: i.startsAt,
      endsAt: i.endsAt,
      employerName: i.employerName,
      boothLabel: i.boothLabel,
      vacancyTitle: i.vacancyTitle,
      ...(i.place ? { place: i.place } : {}),
      ...(i.meetingLink ? { meetingLink: i.meetingLink } : {}),
    });
  }
  if (reminders.length === 0) return { sent: 0, alreadySent: 0 };
  // One bulk insert: a reminder already sent collides on its id and is reported, not sent again.
  const { created, existing } = await ctx.stores.reminders.createMany(
    reminders.map((reminder) => ({
      id: reminder.reminderId,
      state: { reminderId: reminder.reminderId, fairId, workerId: reminder.workerId, kind: reminder.kind },
      events: [pendingEvent(jobFairsTopic, { type: 'jobfair.reminder', subject: fairId, data: reminder })],
    })),
  );
  const result: ReminderResult = { sent: created.length, alreadySent: existing.length };
  ctx.kick();
  return result;
}
