import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import { TokenSigner } from '../domain/tokens.js';
import { Projections } from '../repositories/projections.js';
import { openStores } from '../repositories/stores.js';
import type { JobFairsContext } from '../use-cases/context.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** What the routes, consumers and timers hand to use cases. */
    jobfairs: JobFairsContext;
  }
}

export interface JobFairsPluginOptions {
  secret: string;
  now: () => Date;
  gridMinutes: number;
  linkTtlHours: number;
}

/** The stores (with indexes made) and the projections (reloaded from the database) before consumers start. */
export const jobfairsPlugin = fp(
  async (app: FastifyInstance, options: JobFairsPluginOptions) => {
    const stores = await openStores(app.mongo);
    const projections = new Projections(app.mongo);
    await projections.load();
    app.decorate('jobfairs', {
      stores,
      projections,
      signer: new TokenSigner(options.secret),
      now: options.now,
      log: app.log as Logger,
      gridMinutes: options.gridMinutes,
      linkTtlHours: options.linkTtlHours,
      kick: () => {
        if (!app.hasDecorator('outboxes')) return;
        for (const relay of app.outboxes.values()) relay.kick();
      },
    });
  },
  { name: 'jobfairs', fastify: '5.x', dependencies: ['mongo'] },
);
