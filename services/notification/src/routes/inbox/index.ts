import { notFound } from '@ketnoi/errors';
import { requireRole, type ServiceApp } from '@ketnoi/service-kit';
import type { InboxItem } from '../../repositories/inbox.js';
import { mayActFor } from '../worker-access.js';
import { inboxItemView, inboxQuery, inboxView, itemParams, workerParams } from './schemas.js';

const toView = (item: InboxItem) => ({
  itemId: item._id,
  kind: item.kind ?? 'match',
  ...(item.matchId ? { matchId: item.matchId } : {}),
  ...(item.vacancyId ? { vacancyId: item.vacancyId } : {}),
  language: item.language,
  title: item.title,
  body: item.body,
  at: item.at.toISOString(),
  readAt: item.readAt ? item.readAt.toISOString() : null,
});

/** The in-app inbox of a worker: read it, mark an item read. */
export async function inboxRoutes(app: ServiceApp): Promise<void> {
  const deps = () => app.notification;
  const anyToken = requireRole();

  app.get(
    '/v1/workers/:id/inbox',
    {
      onRequest: anyToken,
      schema: { summary: 'A worker\'s in-app inbox, newest first', tags: ['inbox'], params: workerParams, querystring: inboxQuery, response: { 200: inboxView } },
    },
    async (request) => {
      mayActFor(request, request.params.id);
      const items = await deps().inbox.list(request.params.id, request.query.limit);
      return { items: items.map(toView), unread: items.filter((item) => !item.readAt).length };
    },
  );

  app.post(
    '/v1/workers/:id/inbox/:itemId/read',
    {
      onRequest: anyToken,
      schema: { summary: 'Mark an inbox item read', tags: ['inbox'], params: itemParams, response: { 200: inboxItemView } },
    },
    async (request) => {
      mayActFor(request, request.params.id);
      const item = await deps().inbox.get(request.params.itemId);
      if (!item || item.workerId !== request.params.id) throw notFound('Inbox item');
      const readAt = item.readAt ?? deps().now();
      if (!item.readAt) await deps().inbox.markRead(item._id, readAt);
      return toView({ ...item, readAt });
    },
  );
}
