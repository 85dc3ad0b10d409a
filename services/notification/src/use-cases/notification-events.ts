import { notificationsTopic } from '@ketnoi/contracts';
import { pendingEvent, type PendingEvent } from '@ketnoi/service-kit';
import { MATCH_TEMPLATE, type MatchNotice } from '../domain/match-notice.js';
import type { SuppressionReason } from '../domain/plan-deliveries.js';
import type { WorkerChannel } from '../domain/types.js';

const record = (notice: MatchNotice, channel: WorkerChannel, at: Date) => ({
  notificationId: `${notice.matchId}:${channel}`,
  recipientKind: 'worker' as const,
  recipientId: notice.workerId,
  channel,
  template: MATCH_TEMPLATE,
  causeEventId: notice.causeEventId,
  at: at.toISOString(),
});

/** Event ids derive from the notification, so a replayed outcome is the same event. */
export const sentEvent = (notice: MatchNotice, channel: WorkerChannel, at: Date): PendingEvent =>
  pendingEvent(notificationsTopic, {
    id: `${notice.matchId}:${channel}:sent`,
    type: 'notification.sent',
    subject: notice.workerId,
    data: record(notice, channel, at),
  });

export const failedEvent = (notice: MatchNotice, channel: WorkerChannel, at: Date, reason: string): PendingEvent =>
  pendingEvent(notificationsTopic, {
    id: `${notice.matchId}:${channel}:failed`,
    type: 'notification.failed',
    subject: notice.workerId,
    data: { ...record(notice, channel, at), reason, final: true },
  });

export const suppressedEvent = (notice: MatchNotice, channel: WorkerChannel, at: Date, suppressed: SuppressionReason): PendingEvent =>
  pendingEvent(notificationsTopic, {
    id: `${notice.matchId}:${channel}:suppressed`,
    type: 'notification.failed',
    subject: notice.workerId,
    data: { ...record(notice, channel, at), reason: `suppressed: ${suppressed}`, final: true, suppressed },
  });

export const deferredEvent = (notice: MatchNotice, channel: WorkerChannel, at: Date, until: Date): PendingEvent =>
  pendingEvent(notificationsTopic, {
    id: `${notice.matchId}:${channel}:deferred`,
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
