import mongoose, { type Connection } from 'mongoose';
import { inject } from 'vitest';
import { uniqueName } from './unique.js';

/** A connection to a database of its own; `drop()` removes it and closes. */
export async function testDatabase(prefix = 'test'): Promise<{ connection: Connection; name: string; drop: () => Promise<void> }> {
  const name = uniqueName(prefix).replace(/-/g, '_');
  const connection = await mongoose
    .createConnection(inject('infra').mongoUrl, { dbName: name, serverSelectionTimeoutMS: 10_000 })
    .asPromise();
  return {
    connection,
    name,
    drop: async () => {
      await connection.dropDatabase();
      await connection.close();
    },
  };
}
