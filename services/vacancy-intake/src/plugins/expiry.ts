import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { expireDueVacancies } from '../use-cases/expire-vacancies.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Expires the vacancies whose deadline has ended, now (the timer does it every interval). */
    expireDue(): Promise<number>;
  }
}

export const expiryPlugin = fp(
  async (app: FastifyInstance, { intervalMs }: { intervalMs: number }) => {
    let running: Promise<number> | undefined;
    const expireDue = () => (running ??= expireDueVacancies(app.intake).finally(() => (running = undefined)));
    app.decorate('expireDue', expireDue);

    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        expireDue().catch((error: unknown) => app.log.warn({ err: error }, 'vacancy expiry failed; will retry'));
      }, intervalMs);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await running;
    });
  },
  { name: 'vacancy-expiry', fastify: '5.x', dependencies: ['intake'] },
);
