import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { PROBLEM_CONTENT_TYPE, problem } from '../errors/problem.js';
import { Readiness } from './readiness.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Register what must answer before this service is ready: `app.readiness.register('mongo', ping)`. */
    readiness: Readiness;
  }
}

export interface HealthOptions {
  /** Time each readiness check may take. */
  checkTimeoutMs?: number;
}

/** `/health/live` answers while the process runs; `/health/ready` runs the registered checks. */
export const healthPlugin = fp(
  async (app: FastifyInstance, options: HealthOptions) => {
    const readiness = new Readiness(options.checkTimeoutMs);
    let closing = false;
    app.decorate('readiness', readiness);
    // Fail readiness as soon as shutdown starts, so load balancers stop sending work.
    app.addHook('preClose', async () => {
      closing = true;
    });

    const hidden = { schema: { hide: true }, logLevel: 'warn' } as const;
    app.get('/health/live', hidden, async () => ({ status: 'live' }));
    app.get('/health/ready', hidden, async (request, reply) => {
      const report = await readiness.run((check, err) =>
        request.log.warn({ check, err }, 'readiness check failed'),
      );
      if (report.ready && !closing) return { status: 'ready', checks: report.checks };
      const failing = Object.entries(report.checks)
        .filter(([, result]) => result.status === 'down')
        .map(([name]) => name);
      const detail = closing ? 'The service is shutting down' : `Not ready: ${failing.join(', ')}`;
      const body = { ...problem(503, 'NOT_READY', detail), failing, checks: report.checks };
      return reply.code(503).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
    });
  },
  { name: 'ketnoi-health', fastify: '5.x' },
);
