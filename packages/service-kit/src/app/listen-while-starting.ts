import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import { failureName } from '../health/readiness.js';
import { DEFAULT_START_BACKOFF, startRetryDelay, type StartBackoff } from './start-backoff.js';
import { answerWhileStarting, type StartingState } from './starting-handler.js';

/** What the start-up needs of an app: any fastify instance fits. */
export interface Runnable {
  log: FastifyBaseLogger;
  /** Loads the plugins and runs the onReady hooks (consumers join their groups). */
  ready(): PromiseLike<unknown>;
  /** The app's request handler, for a server it did not create. */
  routing(req: IncomingMessage, res: ServerResponse): void;
  close(): PromiseLike<unknown>;
}

export interface ListenWhileStartingOptions<App extends Runnable> {
  /** Builds a fresh app: called again after each failed start-up. */
  build: () => App | Promise<App>;
  host: string;
  port: number;
  /** Logs failed start-ups (the app's own logger takes over once it exists). */
  log: FastifyBaseLogger;
  backoff?: StartBackoff;
}

export interface StartingService<App extends Runnable> {
  server: Server;
  /** The port listened on (useful with port 0). */
  port: number;
  /** The app once it is ready; rejects only when closed before that. */
  ready: Promise<App>;
  /** Closes the app (or abandons the start-up) and then the server. */
  close(): Promise<void>;
}

/**
 * Listens first, then builds the app and makes it ready in the background,
 * again and again with a bounded backoff, for as long as it takes: a service
 * started while Kafka or the database is down stays up, says it is alive and
 * not ready (with the reason), and takes requests once it is connected and
 * its consumers have joined their groups.
 */
export async function listenWhileStarting<App extends Runnable>(options: ListenWhileStartingOptions<App>): Promise<StartingService<App>> {
  const state: StartingState = { attempt: 1, startedAt: Date.now(), lastFailure: null };
  let current: App | null = null;
  const server = createServer((req, res) => (current ? current.routing(req, res) : answerWhileStarting(req, res, state)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.log.info({ host: options.host, port }, 'listening; connecting to the database and the broker');

  const stop = new AbortController();
  const attempt = async (): Promise<App | null> => {
    let app: App | null = null;
    try {
      app = await options.build();
      await app.ready();
      return app;
    } catch (err) {
      if (app) await Promise.resolve(app.close()).catch((closeErr: unknown) => options.log.warn({ err: closeErr }, 'closing a failed start-up failed'));
      if (stop.signal.aborted) return null;
      const retryInMs = startRetryDelay(state.attempt, options.backoff ?? DEFAULT_START_BACKOFF);
      state.lastFailure = failureName(err);
      options.log.warn({ err, attempt: state.attempt, retryInMs }, 'start-up failed; trying again');
      await sleep(retryInMs, undefined, { signal: stop.signal }).catch(() => undefined);
      state.attempt += 1;
      return null;
    }
  };
  const starting = (async () => {
    while (!stop.signal.aborted) {
      const app = await attempt();
      if (!app) continue;
      if (stop.signal.aborted) {
        await app.close();
        break;
      }
      current = app;
      app.log.info({ attempts: state.attempt, startMs: Date.now() - state.startedAt }, 'ready');
      return app;
    }
    throw new Error('closed before the service was ready');
  })();
  starting.catch(() => undefined);

  return {
    server,
    port,
    ready: starting,
    async close() {
      stop.abort();
      // An attempt under way may wait seconds on an absent dependency: give it a moment, then leave
      // it to the loop, which closes whatever it built once it sees the abort.
      if (!current) await Promise.race([starting.catch(() => undefined), sleep(1_000)]);
      if (current) await current.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
