import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import mongoose, { type Connection } from 'mongoose';

declare module 'fastify' {
  interface FastifyInstance {
    /** This service's own mongoose connection (not mongoose's global one). */
    mongo: Connection;
  }
}

export interface MongoOptions {
  url: string;
  /** Overrides the database named in the URL. */
  dbName?: string | undefined;
  serverSelectionTimeoutMS?: number;
}

async function ping(connection: Connection): Promise<void> {
  if (connection.db === undefined) throw new Error('mongo connection is not open');
  await connection.db.admin().command({ ping: 1 });
}

/**
 * Opens a mongoose connection, adds a `mongo` readiness check and closes on
 * app close. Uses nothing beyond plain CRUD and indexes (no transactions),
 * so it runs on FerretDB 1.24 as well as MongoDB 7.
 */
export const mongoPlugin = fp(
  async (app: FastifyInstance, { url, dbName, serverSelectionTimeoutMS = 5_000 }: MongoOptions) => {
    const connection = mongoose.createConnection(url, {
      ...(dbName === undefined ? {} : { dbName }),
      serverSelectionTimeoutMS,
      // Fail a query at once while disconnected instead of queueing it unseen.
      bufferCommands: false,
    });
    try {
      await connection.asPromise();
    } catch (err) {
      await connection.close().catch(() => undefined);
      throw err;
    }
    app.log.info({ db: connection.name }, 'mongo connected');

    app.decorate('mongo', connection);
    app.readiness.register('mongo', () => ping(connection));
    app.addHook('onClose', async () => {
      await connection.close();
      app.log.info('mongo connection closed');
    });
  },
  { name: 'mongo', fastify: '5.x', dependencies: ['ketnoi-health'] },
);
