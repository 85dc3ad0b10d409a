import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { openStores, type Stores } from '../repositories/stores.js';

declare module 'fastify' {
  interface FastifyInstance {
    stores: Stores;
  }
}

/** The service's collections on its mongo connection, with their indexes made. */
export const storesPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorate('stores', await openStores(app.mongo));
  },
  { name: 'stores', fastify: '5.x', dependencies: ['mongo'] },
);
