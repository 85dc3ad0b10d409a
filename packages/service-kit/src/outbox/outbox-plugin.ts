import type { TopicDefinition } from '@ketnoi/contracts';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import { Gauge, type Registry } from 'prom-client';
import { OutboxRelay } from './outbox-relay.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Relays of this service's embedded outboxes, by model name; `kick()` after a write. */
    outboxes: Map<string, OutboxRelay>;
  }
}

export interface OutboxPluginOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: (app: FastifyInstance) => Model<any>;
  topics: readonly TopicDefinition[];
  idleMs?: number;
  batchSize?: number;
}

/** `ketnoi_outbox_lag_seconds{outbox}`: how old the oldest change in each relay's last published batch was. */
function recordOutboxLag(registry: Registry, relays: ReadonlyMap<string, OutboxRelay>): void {
  new Gauge({
    name: 'ketnoi_outbox_lag_seconds',
    help: 'Age of the oldest version in the last batch an outbox relay published, when it went out',
    labelNames: ['outbox'],
    registers: [registry],
    collect() {
      for (const [outbox, relay] of relays) this.set({ outbox }, relay.lastLagMs / 1000);
    },
  });
}

/** Runs an outbox relay for one aggregate model while the app is up. */
export const outboxPlugin = fp(
  async (app: FastifyInstance, options: OutboxPluginOptions) => {
    const model = options.model(app);
    const relay = new OutboxRelay({
      model,
      publisher: app.publisher,
      topics: options.topics,
      logger: (app.log as Logger).child({ outbox: model.modelName }),
      ...(options.idleMs === undefined ? {} : { idleMs: options.idleMs }),
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    });
    if (!app.hasDecorator('outboxes')) {
      app.decorate('outboxes', new Map<string, OutboxRelay>());
      if (app.hasDecorator('metrics')) recordOutboxLag(app.metrics.registry, app.outboxes);
    }
    app.outboxes.set(model.modelName, relay);
    app.addHook('onReady', async () => relay.start());
    app.addHook('onClose', () => relay.stop());
  },
  { name: 'outbox', fastify: '5.x', dependencies: ['kafka', 'mongo'] },
);
