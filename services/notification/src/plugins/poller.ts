import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';

export interface PollerOptions {
  name: string;
  pollMs: number;
  round: (app: FastifyInstance, log: Logger) => Promise<unknown>;
}

/** Runs `round` every `pollMs` while the app is up, one round at a time; close waits for the current one. */
export const pollerPlugin = (options: PollerOptions) =>
  fp(
    async (app: FastifyInstance) => {
      const log = (app.log as Logger).child({ poller: options.name });
      let timer: NodeJS.Timeout | undefined;
      let stopped = false;
      let round: Promise<unknown> = Promise.resolve();
      const tick = () => {
        round = options
          .round(app, log)
          .catch((err: unknown) => log.error({ err }, 'round failed'))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, options.pollMs);
          });
      };
      app.addHook('onReady', async () => {
        timer = setTimeout(tick, options.pollMs);
      });
      app.addHook('onClose', async () => {
        stopped = true;
        clearTimeout(timer);
        await round;
      });
    },
    { name: `poller:${options.name}`, fastify: '5.x', dependencies: ['notification'] },
  );
