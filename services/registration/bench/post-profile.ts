// npx tsx --conditions=@ketnoi/source bench/post-profile.ts [--requests=300] [--concurrency=32]
// Where the time of POST /v1/workers goes: each storage step of a registration,
// with count and total/mean wall time, next to the request's own latency.
import { randomBytes } from 'node:crypto';
import { withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, createLogger, loadConfig } from '@ketnoi/service-kit';
import { buildApp } from '../src/app.js';
import { registrationConfigSchema } from '../src/config.js';
import { load, row } from './load.js';
import { person } from './people.js';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const REQUESTS = arg('requests', 300);
const CONCURRENCY = arg('concurrency', 32);
const env = process.env;
const issuer = await createDevIssuer();
const suffix = `profile-${Date.now().toString(36)}`;
const config = loadConfig(registrationConfigSchema, {
  SERVICE_NAME: 'registration',
  MONGO_URL: env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
  MONGO_DB_NAME: suffix.replace(/-/g, '_'),
  KAFKA_BROKERS: env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  AUTH_ISSUER: issuer.issuer,
  AUTH_AUDIENCE: issuer.audience,
  AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
  REGISTRATION_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  REGISTRATION_MASTER_KEY_ID: 'k1',
  REGISTRATION_HASH_KEY: randomBytes(32).toString('base64'),
});
const app = await buildApp(config, { logger: createLogger({ serviceName: 'registration', level: 'warn' }), topicName: withSuffix(suffix), groupId: suffix });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const headers = { authorization: `Bearer ${await issuer.issue({ sub: 'bench', roles: ['staff'] }, '2h')}`, 'content-type': 'application/json' };

// The service's own steps, timed where they call the database (wall time, so waiting for a
// busy FerretDB counts; the rest of a request is HTTP, auth, validation and sealing).
const stats = new Map<string, { n: number; ms: number }>();
const timed = (name: string, target: Record<string, unknown>, method: string) => {
  const original = (target[method] as (...args: unknown[]) => Promise<unknown>).bind(target);
  target[method] = async (...args: unknown[]) => {
    const t0 = performance.now();
    try {
      return await original(...args);
    } finally {
      const s = stats.get(name) ?? { n: 0, ms: 0 };
      s.n += 1;
      s.ms += performance.now() - t0;
      stats.set(name, s);
    }
  };
};
const deps = app.registration as unknown as Record<string, Record<string, unknown>>;
timed('identities.claim (insert)', deps.identities!, 'claim');
timed('keys.create (insert)', deps.keys!, 'create');
timed('store.save (version + pending + head)', deps.store!, 'save');
timed('audit.record (insert)', deps.audit!, 'record');
const versions = app.registration.store.versions as unknown as Record<string, unknown>;
timed('  versions.create (insert)', versions, 'create');
const heads = app.registration.store.heads as unknown as Record<string, unknown>;
timed('  heads.insertMany (insert)', heads, 'insertMany');

const post = async (i: number) => {
  const response = await fetch(`${base}/v1/workers`, { method: 'POST', headers, body: JSON.stringify(person(900_000 + i)) });
  await response.arrayBuffer();
  if (response.status >= 300) throw new Error(`answered ${response.status}`);
};
const result = await load(REQUESTS, CONCURRENCY, post);
console.log(row('POST /v1/workers', result));
console.log('\n| step | count | total ms | mean ms |\n| --- | --- | --- | --- |');
for (const [key, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) console.log(`| ${key} | ${s.n} | ${s.ms.toFixed(0)} | ${(s.ms / s.n).toFixed(1)} |`);
await app.mongo.dropDatabase();
await app.close();
