import { requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { mayActFor } from '../worker-access.js';
import { preferencesInput, preferencesView, workerParams } from './schemas.js';

/** How a worker wants match messages: one per match, or a daily digest. */
export async function preferenceRoutes(app: ServiceApp): Promise<void> {
  const deps = () => app.notification;
  const anyToken = requireRole();

  app.get(
    '/v1/workers/:id/preferences',
    { onRequest: anyToken, schema: { summary: 'A worker\'s notification preferences', tags: ['preferences'], params: workerParams, response: { 200: preferencesView } } },
    async (request) => {
      mayActFor(request, request.params.id);
      const stored = await deps().preferences.get(request.params.id);
      return { delivery: stored?.delivery ?? 'each', updatedAt: stored ? stored.updatedAt.toISOString() : null };
    },
  );

  app.put(
    '/v1/workers/:id/preferences',
    {
      onRequest: anyToken,
      schema: { summary: 'Choose one message per match or a daily digest', tags: ['preferences'], params: workerParams, body: preferencesInput, response: { 200: preferencesView } },
    },
    async (request) => {
      mayActFor(request, request.params.id);
      const at = deps().now();
      await deps().preferences.set(request.params.id, request.body.delivery, at);
      request.log.info({ workerId: request.params.id, delivery: request.body.delivery }, 'notification preferences set');
      return { delivery: request.body.delivery, updatedAt: at.toISOString() };
    },
  );
}
