import { randomBytes } from 'node:crypto';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { isRetriable } from '@ketnoi/errors';
import { uniqueName } from '@ketnoi/testing';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { KeyRing } from '../../src/crypto/key-ring.js';
import { DataKeys } from '../../src/repositories/data-keys.js';
import { Identities } from '../../src/repositories/identities.js';

/**
 * A TCP path to the real FerretDB that can be cut and restored on the same
 * port: the database going away under a connected service, as a FerretDB
 * restart does in the chaos run.
 */
class CuttablePath {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => socket.destroy());
        socket.on('close', () => this.sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

/** Cuts the path and lets the driver find out (a command fails), as a service between two writes would. */
async function cutUnder(path: CuttablePath, connection: Connection): Promise<void> {
  await path.cut();
  await expect(connection.db!.command({ ping: 1 })).rejects.toThrow();
}

const hashes = (n: number) => Array.from({ length: n }, () => randomBytes(16).toString('base64url'));

describe('bulk claims and data keys when FerretDB goes away under them', () => {
  const dbName = uniqueName('reg-bulk').replace(/-/g, '_');
  let direct: Connection;
  let viaPath: Connection;
  let path: CuttablePath;

  beforeAll(async () => {
    const { mongoUrl } = inject('infra');
    const target = new URL(mongoUrl);
    path = new CuttablePath({ host: target.hostname, port: Number(target.port || 27017) });
    await path.open();
    direct = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    viaPath = await mongoose
      .createConnection(`mongodb://127.0.0.1:${path.port}/`, { dbName, serverSelectionTimeoutMS: 1_000, bufferCommands: false })
      .asPromise();
  });
  afterAll(async () => {
    await viaPath.close().catch(() => {});
    await direct.dropDatabase();
    await direct.close();
    await path.cut();
  });

  it('claims what is free and names the holder of what is taken', async () => {
    const identities = new Identities(direct);
    const [taken, free] = hashes(2) as [string, string];
    await identities.claim(taken, 'wrk_first');
    const holders = await identities.claimMany([
      { hash: taken, workerId: 'wrk_second' },
      { hash: free, workerId: 'wrk_third' },
    ]);
    expect(holders).toEqual(new Map([[taken, 'wrk_first'], [free, 'wrk_third']]));
  });

  it('claims nobody when the database is gone (retriable), and each person once when it is back', async () => {
    const identities = new Identities(viaPath);
    const stored = new Identities(direct);
    const people = hashes(3);
    await identities.holderOf('warm-up');
    await cutUnder(path, viaPath);

    // The driver reports the unreachable server as a bulk write error with no write errors.
    const attempt = identities.claimMany(people.map((hash, i) => ({ hash, workerId: `wrk_lost_${i}` })));
    await expect(attempt).rejects.toSatisfy(isRetriable);
    for (const hash of people) expect(await stored.holderOf(hash)).toBeUndefined();

    await path.open();
    const holders = await identities.claimMany(people.map((hash, i) => ({ hash, workerId: `wrk_new_${i}` })));
    for (const [i, hash] of people.entries()) {
      expect(holders.get(hash)).toBe(`wrk_new_${i}`);
      expect(await stored.holderOf(hash)).toBe(`wrk_new_${i}`);
    }
  });

  it('hands out no data key it did not store when the database is gone', async () => {
    const ring = new KeyRing(new Map([['k1', randomBytes(32)]]), 'k1');
    const keys = new DataKeys(viaPath, ring);
    await keys.get('warm-up');
    await cutUnder(path, viaPath);
    await expect(keys.createMany(['wrk_a', 'wrk_b'])).rejects.toSatisfy(isRetriable);
    await path.open();
    expect(await new DataKeys(direct, ring).get('wrk_a')).toBeUndefined();
  });
});
