// npx tsx --conditions=@ketnoi/source bench/post-profile.ts [--requests=300] [--concurrency=32]
// Where the time of POST /v1/workers goes: each storage step of a registration,
// with count and total/mean wall time, next to the request's own latency.
import { arg, benchService, stepTimer } from './bench-service.js';
import { load, row } from './load.js';
import { person } from './people.js';

const REQUESTS = arg('requests', 300);
const CONCURRENCY = arg('concurrency', 32);
const { issuer, app } = await benchService('profile');
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const headers = { authorization: `Bearer ${await issuer.issue({ sub: 'bench', roles: ['staff'] }, '2h')}`, 'content-type': 'application/json' };

// The service's own steps, timed where they call the database (wall time, so waiting for a
// busy FerretDB counts; the rest of a request is HTTP, auth, validation and sealing).
const { timed, print: printSteps } = stepTimer();
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
printSteps();
await app.mongo.dropDatabase();
await app.close();
