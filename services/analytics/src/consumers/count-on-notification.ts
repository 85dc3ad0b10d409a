import type { notificationsTopic } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import { projectBatch } from './project-batch.js';
import type { Projections } from '../use-cases/projections.js';

/** notifications.v1: keep each notification's outcome (sent wins over failed); no recipient is kept. A batch's outcomes are written together. */
export const countOnNotificationBatch = (projections: () => Projections): BatchEventHandler<typeof notificationsTopic> =>
  projectBatch(
    projections,
    (event) => ({ kind: 'notification', record: event.data, outcome: event.type === 'notification.sent' ? 'sent' : 'failed' }),
    'notification',
  );
