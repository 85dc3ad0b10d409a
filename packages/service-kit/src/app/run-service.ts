import closeWithGrace from 'close-with-grace';
import type { FastifyBaseLogger } from 'fastify';
import type { BaseConfig } from '../config/base-config.js';
import { createLogger } from '../logger/create-logger.js';
import type { Telemetry } from '../telemetry/start-telemetry.js';
import { listenWhileStarting, type Runnable } from './listen-while-starting.js';
import type { StartBackoff } from './start-backoff.js';

export type { Runnable } from './listen-while-starting.js';

export interface RunServiceOptions<App extends Runnable> {
  build: () => App | Promise<App>;
  config: Pick<BaseConfig, 'HTTP_HOST' | 'HTTP_PORT' | 'SHUTDOWN_TIMEOUT_MS'> & Partial<Pick<BaseConfig, 'SERVICE_NAME' | 'LOG_LEVEL'>>;
  telemetry?: Telemetry;
  /** Logs the start-up until the app exists; the KetNoi logger from config by default. */
  logger?: FastifyBaseLogger;
  backoff?: StartBackoff;
}

/**
 * Listens at once and starts the app in the background (see
 * listenWhileStarting: retried with backoff until the database and Kafka
 * answer), then on SIGTERM/SIGINT (or a crash) closes it: fastify's onClose
 * hooks stop consumers, producers and the mongo connection; telemetry is
 * flushed last. Past SHUTDOWN_TIMEOUT_MS the process exits anyway. Rejects
 * only when the port cannot be listened on.
 */
export async function runService<App extends Runnable>({ build, config, telemetry, logger, backoff }: RunServiceOptions<App>): Promise<void> {
  const log =
    logger ?? (createLogger({ serviceName: config.SERVICE_NAME ?? 'service', level: config.LOG_LEVEL ?? 'info' }) as FastifyBaseLogger);
  let service: Awaited<ReturnType<typeof listenWhileStarting<App>>>;
  try {
    service = await listenWhileStarting({ build, host: config.HTTP_HOST, port: config.HTTP_PORT, log, ...(backoff ? { backoff } : {}) });
  } catch (err) {
    log.fatal({ err }, 'service failed to listen');
    await telemetry?.shutdown();
    throw err;
  }

  closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS, logger: log }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'closing after an unexpected error');
    else log.info({ signal }, 'closing');
    await service.close();
    await telemetry?.shutdown();
    log.info('closed');
  });
}
