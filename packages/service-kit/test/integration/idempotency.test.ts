import { randomUUID } from 'node:crypto';
import { uniqueName } from '@ketnoi/testing';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createServiceApp, idempotencyPlugin, mongoPlugin, type ServiceApp } from '../../src/index.js';
import { memoryLogger, testConfig } from '../helpers.js';

/** What `POST /made` did: the effect id of each attempt; `failNext` fails the next one after its effect (500). */
interface Made {
  ids: string[];
  failNext: boolean;
}

/** An app whose idempotent routes count their effects, as a create would. */
async function buildApp(dbName: string): Promise<{ app: ServiceApp; effects: Map<string, number>; made: Made }> {
  const { mongoUrl } = inject('infra');
  const app = await createServiceApp({ config: testConfig({ MONGO_URL: mongoUrl }), logger: memoryLogger().logger, defaultMetrics: false });
  await app.register(mongoPlugin, { url: mongoUrl, dbName });
  await app.register(idempotencyPlugin);
  const effects = new Map<string, number>();
  app.post('/things', { config: { idempotency: {} } }, async (request, reply) => {
    const { name } = request.body as { name: string };
    // Slow enough that concurrent requests with one key overlap.
    await new Promise((resolve) => setTimeout(resolve, 50));
    effects.set(name, (effects.get(name) ?? 0) + 1);
    return reply.code(201).header('location', `/things/${name}`).send({ name, n: effects.get(name) });
  });
  const made: Made = { ids: [], failNext: false };
  // `/named` names its effect in the route's config: stored with the claim.
  for (const [url, idempotency] of [['/made', {}], ['/named', { effect: () => `named-${randomUUID()}` }]] as const) {
    app.post(url, { config: { idempotency } }, async (request, reply) => {
      const id = request.idempotentId === null ? `made-${randomUUID()}` : await request.idempotentId(`made-${randomUUID()}`);
      made.ids.push(id);
      if (made.failNext) {
        made.failNext = false;
        throw new Error('injected: failed after the effect');
      }
      return reply.code(201).send({ id });
    });
  }
  await app.ready();
  return { app, effects, made };
}

/** The idempotency collection, its `insertMany` calls counted from now on. */
function countedWrites(app: ServiceApp) {
  const collection = app.mongo.collection('idempotency_keys');
  const insertMany = collection.insertMany.bind(collection);
  const writes = { n: 0 };
  collection.insertMany = ((...args: Parameters<typeof insertMany>) => {
    writes.n += 1;
    return insertMany(...args);
  }) as typeof insertMany;
  return { collection, writes };
}

const post = (app: ServiceApp, key: string, name: string) =>
  app.inject({ method: 'POST', url: '/things', headers: { 'idempotency-key': key }, payload: { name } });

describe('Idempotency-Key on the real database', () => {
  let app: ServiceApp;
  let effects: Map<string, number>;
  let made: Made;

  beforeEach(async () => {
    ({ app, effects, made } = await buildApp(uniqueName('idem').replace(/-/g, '_')));
  });
  afterEach(async () => {
    await app.mongo.dropDatabase();
    await app.close();
  });

  it('answers the same key and body with the first answer again, and a different body with 422', async () => {
    const key = randomUUID();
    const first = await post(app, key, 'a');
    const again = await post(app, key, 'a');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect(again.headers).toMatchObject({ 'idempotent-replayed': 'true', location: '/things/a' });
    expect(effects.get('a')).toBe(1);
    const other = await post(app, key, 'b');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(effects.has('b')).toBe(false);
  });

  it('lets one of many concurrent requests with one key take effect; the others wait (409) or replay', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(app, key, 'c')));
    expect(effects.get('c')).toBe(1);
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const originals = answers.filter((answer) => answer.statusCode === 201 && answer.headers['idempotent-replayed'] === undefined);
    expect(originals).toHaveLength(1);
  });

  it('claims and answers the keys of concurrent requests in shared inserts, each key once', async () => {
    const { collection, writes } = countedWrites(app);
    const names = Array.from({ length: 20 }, (_, i) => `d${i}`);
    const answers = await Promise.all(names.map((name) => post(app, randomUUID(), name)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(names.map(() => 201));
    expect(names.map((name) => effects.get(name))).toEqual(names.map(() => 1));
    expect(await collection.countDocuments()).toBe(40);
    // 20 claims and 20 answers: far fewer writes than documents.
    expect(writes.n).toBeLessThan(20);
  });

  it.each(['/made', '/named'])('gives every attempt of one request under one key the same effect id, also after a 5xx released the key (%s)', async (url) => {
    const make = (key: string, name: string) => app.inject({ method: 'POST', url, headers: { 'idempotency-key': key }, payload: { name } });
    const key = randomUUID();
    made.failNext = true;
    expect((await make(key, 'x')).statusCode).toBe(500);
    const retried = await make(key, 'x');
    expect(retried.statusCode).toBe(201);
    expect(made.ids).toHaveLength(2);
    expect(made.ids[1]).toBe(made.ids[0]);
    expect(retried.json()).toEqual({ id: made.ids[0] });
    // Another key names another effect.
    const other = await make(randomUUID(), 'x');
    expect(other.json<{ id: string }>().id).not.toBe(made.ids[0]);
  });

  it('stores an effect the route names with the claim, in one insert: two writes for a request where one named by its handler takes three', async () => {
    const { collection, writes } = countedWrites(app);
    const make = (url: string) => app.inject({ method: 'POST', url, headers: { 'idempotency-key': randomUUID() }, payload: { name: 'x' } });
    const named = await make('/named');
    expect(named.statusCode).toBe(201);
    expect(named.json<{ id: string }>().id).toMatch(/^named-/);
    expect(writes.n).toBe(2);
    // The claim, the effect and the answer are all there.
    expect(await collection.countDocuments()).toBe(3);
    writes.n = 0;
    expect((await make('/made')).statusCode).toBe(201);
    expect(writes.n).toBe(3);
  });
});
