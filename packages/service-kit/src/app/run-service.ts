import closeWithGrace from 'close-with-grace';
import type { FastifyBaseLogger } from 'fastify';
import type { BaseConfig } from '../config/base-config.js';
import type { Telemetry } from '../telemetry/start-telemetry.js';

/** What runService needs of an app: any fastify instance fits. */
export interface Runnable {
  log: FastifyBaseLogger;
  listen(options: { host: string; port: number }): Promise<string>;
  close(): PromiseLike<unknown>;
}

export interface RunServiceOptions<App extends Runnable> {
  build: () => App | Promise<App>;
  config: Pick<BaseConfig, 'HTTP_HOST' | 'HTTP_PORT' | 'SHUTDOWN_TIMEOUT_MS'>;
  telemetry?: Telemetry;
}

/**
 * Builds the app, listens, and on SIGTERM/SIGINT (or a crash) closes it:
 * fastify's onClose hooks stop consumers, producers and the mongo
 * connection; telemetry is flushed last. Past SHUTDOWN_TIMEOUT_MS the
 * process exits anyway.
 */
export async function runService<App extends Runnable>({ build, config, telemetry }: RunServiceOptions<App>): Promise<App> {
  let app: App;
  try {
    app = await build();
  } catch (err) {
    await telemetry?.shutdown();
    throw err;
  }
  const closeAll = async () => {
    await app.close();
    await telemetry?.shutdown();
  };

  try {
    await app.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  } catch (err) {
    app.log.fatal({ err }, 'service failed to start');
    await closeAll();
    throw err;
  }

  closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS, logger: app.log }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an unexpected error');
    else app.log.info({ signal }, 'closing');
    await closeAll();
    app.log.info('closed');
  });
  return app;
}
