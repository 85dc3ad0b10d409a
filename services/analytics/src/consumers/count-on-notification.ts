import type { notificationsTopic } from '@ketnoi/contracts';
import type { BatchEventHandler, EventHandler } from '@ketnoi/messaging';
import { projectBatch } from './project-batch.js';
import type { Projections } from '../use-cases/projections.js';

/** notifications.v1: keep each notification's outcome (sent wins over failed); no recipient is kept. */
export const countOnNotification =
  (projections: () => Projections): EventHandler<typeof notificationsTopic> =>
  async (event, context) => {
    const outcome = await projections().applyNotification(event.data, event.type === 'notification.sent' ? 'sent' : 'failed');
    context.log.debug({ notificationId: event.data.notificationId, type: event.type, outcome }, 'notification projected');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };

/** The same for a batch: its outcomes written together. */
export const countOnNotificationBatch = (projections: () => Projections): BatchEventHandler<typeof notificationsTopic> =>
  projectBatch(
    projections,
    (event) => ({ kind: 'notification', record: event.data, outcome: event.type === 'notification.sent' ? 'sent' : 'failed' }),
    'notification',
  );
