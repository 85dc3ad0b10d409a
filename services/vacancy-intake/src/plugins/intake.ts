import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import type { References } from '../domain/references.js';
import type { UseCaseContext } from '../use-cases/context.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** What the routes and consumers hand to use cases. */
    intake: UseCaseContext;
  }
}

export interface IntakeOptions {
  references: References;
  now: () => Date;
}

export const intakePlugin = fp(
  async (app: FastifyInstance, options: IntakeOptions) => {
    app.decorate('intake', {
      stores: app.stores,
      references: options.references,
      now: options.now,
      log: app.log as Logger,
      kick: (versions?: { modelName: string }) => {
        if (!app.hasDecorator('outboxes')) return;
        const relay = versions === undefined ? undefined : app.outboxes.get(versions.modelName);
        if (relay) relay.kick();
        else for (const each of app.outboxes.values()) each.kick();
      },
    });
  },
  { name: 'intake', fastify: '5.x', dependencies: ['stores'] },
);
