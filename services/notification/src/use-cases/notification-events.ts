import { notificationsTopic } from '@ketnoi/contracts';
import { pendingEvent, type PendingEvent } from '@ketnoi/service-kit';
import type { Notice } from '../domain/notice.js';
import type { SuppressionReason } from '../domain/plan-deliveries.js';
import type { WorkerChannel } from '../domain/types.js';

const record = (notice: Notice, channel: WorkerChannel, at: Date) => ({
  notificationId: `${notice.key}:${channel}`,
  recipientKind: 'worker' as const,
  recipientId: notice.workerId,
  channel,
  template: notice.template,
  ...(notice.causeEventId ? { causeEventId: notice.causeEventId } : {}),
  at: at.toISOString(),
});

/** Event ids derive from the notification, so a replayed outcome is the same event. */
export const sentEvent = (notice: Notice, channel: WorkerChannel, at: Date): PendingEvent =>
  pendingEvent(notificationsTopic, {
    id: `${notice.key}:${channel}:sent`,
    type: 'notification.sent',
    subject: notice.workerId,
    data: record(notice, channel, at),
  });

export const failedEvent = (notice: Notice, channel: WorkerChannel, at: Date, reason: string): PendingEvent =>
  pendingEvent(notificationsTopic, {
    id: `${notice.key}:${channel}:failed`,
    type: 'notification.failed',
    subject: notice.workerId,
    data: { ...record(notice, channel, at), reason, final: true },
  });

/** `detail` says more than the reason (e.g. which digest a match was folded into). */
export const suppressedEvent = (notice: Notice, channel: WorkerChannel, at: Date, suppressed: SuppressionReason, detail?: string): PendingEvent =>
  pendingEvent(notificationsTopic, {
    id: `${notice.key}:${channel}:suppressed`,
    type: 'notification.failed',
    subject: notice.workerId,
    data: { ...record(notice, channel, at), reason: `suppressed: ${detail ?? suppressed}`, final: true, suppressed },
  });

export const deferredEvent = (notice: Notice, channel: WorkerChannel, at: Date, until: Date): PendingEvent =>
  pendingEvent(notificationsTopic, {
    id: `${notice.key}:${channel}:deferred`,
    type: 'notification.failed',
    subject: notice.workerId,
    data: {
      ...record(notice, channel, at),
      reason: 'deferred: quiet hours',
      final: false,
      suppressed: 'quiet-hours',
      deferredUntil: until.toISOString(),
    },
  });
