import { dlqTopicName, topics } from '@ketnoi/contracts';
import { SERVICE_NAMES, createClient, employerToken, registerEmployer, type ServiceName } from '@ketnoi/launcher';
import { fuzzService, type FuzzReport } from '@ketnoi/reliability';
import { createDevIssuer } from '@ketnoi/service-kit';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aVacancy, anEmployer } from '../mothers.js';
import { api, startE2eSystem, type E2eSystem } from '../system.js';

// Examples per operation and phase: a short run in CI; raise it to hunt, e.g.
// KETNOI_FUZZ_EXAMPLES=200 pnpm vitest run packages/e2e/test/integration/security.test.ts
const EXAMPLES = Number(process.env.KETNOI_FUZZ_EXAMPLES ?? 6);

// Every answer must be: no 5xx; invalid data refused; status codes and
// bodies as documented; a deleted resource gone. (Domain rules stricter than
// the schema, such as a tax code's check digit, refuse schema-valid requests
// on purpose, so that check is left out; schemathesis cannot take away a
// token given as a header, so authentication is tested below instead.)
const CHECKS = ['not_a_server_error', 'negative_data_rejection', 'status_code_conformance', 'response_schema_conformance', 'use_after_free', 'ensure_resource_availability'];

interface Operation {
  service: ServiceName;
  method: string;
  path: string;
  secured: boolean;
  /** Roles the operation lets in; empty: any valid token (then the resource's owner is checked). */
  roles: string[];
  hasBody: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

async function operationsOf(system: E2eSystem): Promise<Operation[]> {
  const all: Operation[] = [];
  for (const service of SERVICE_NAMES) {
    const doc = (await api(`${system.urls[service]}/docs/json`)).body as { paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown; 'x-ketnoi-roles'?: string[] }>> };
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (op) all.push({ service, method: method.toUpperCase(), path, secured: Boolean(op.security?.length), roles: op['x-ketnoi-roles'] ?? [], hasBody: Boolean(op.requestBody) });
      }
    }
  }
  return all;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A tax code with a valid check digit (mã số thuế), different for each seed. */
function taxCode(seed: number): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (let n = seed; ; n += 1) {
    const nine = `46${String(n % 10_000_000).padStart(7, '0')}`;
    const digit = 10 - (weights.reduce((sum, w, i) => sum + w * Number(nine[i]), 0) % 11);
    if (digit < 10) return `${nine}${digit}`;
  }
}

describe('bad input and attackers, the six services as processes', () => {
  let system: E2eSystem;
  let operations: Operation[];
  const fuzzReports = new Map<string, FuzzReport>();

  beforeAll(async () => {
    system = await startE2eSystem([]);
    operations = await operationsOf(system);
  }, 150_000);

  afterAll(async () => {
    for (const [service, report] of fuzzReports) {
      console.info(`fuzz ${service}: ${report.operations} operations, ${report.cases} requests, ${report.failures.length} failures (seed ${report.seed})`);
    }
    await system?.dispose();
  }, 60_000);

  it('every secured operation refuses a missing, unsigned, forged or expired token (401), and a token without its role (403)', async () => {
    const claims = { sub: 'attacker', roles: ['staff', 'admin', 'analyst'] as ('staff' | 'admin' | 'analyst')[] };
    const now = Math.floor(Date.now() / 1000);
    const forger = await createDevIssuer();
    const badTokens: Record<string, string | undefined> = {
      missing: undefined,
      'alg none': `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims, iss: 'urn:ketnoi:dev-issuer', aud: 'ketnoi', iat: now, exp: now + 600 })}.`,
      'wrong signature': await forger.issue(claims),
      expired: await system.issue(claims, -60),
      garbage: 'not-a-jwt',
    };
    const roleless = await system.issue({ sub: 'nobody', roles: [] });
    const wrong: string[] = [];
    const secured = operations.filter((op) => op.secured);
    for (const op of secured) {
      const url = `${system.urls[op.service]}${op.path.replace(/\{[^}]+\}/g, 'probe_01')}`;
      const body = op.hasBody ? {} : undefined;
      for (const [name, token] of Object.entries(badTokens)) {
        const answer = await api(url, { method: op.method, ...(token ? { token } : {}), ...(body ? { body } : {}) });
        if (answer.status !== 401) wrong.push(`${op.service} ${op.method} ${op.path} with ${name} token: ${answer.status}`);
      }
      if (op.roles.length === 0) continue;
      const answer = await api(url, { method: op.method, token: roleless, ...(body ? { body } : {}) });
      if (answer.status !== 403) wrong.push(`${op.service} ${op.method} ${op.path} without a role: ${answer.status}`);
    }
    expect(secured.length).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  }, 120_000);

  it("an employer reaches none of another employer's vacancies or matches, and cannot assign what is not theirs", async () => {
    const intake = system.urls['vacancy-intake'];
    const employers = [];
    for (const [i, name] of ['Công ty TNHH May Thái Nguyên A', 'Công ty CP Cơ khí Sông Công B'].entries()) {
      const employerId = await registerEmployer(intake, system.tokens.staff, { ...anEmployer, taxCode: taxCode(Date.now() % 1_000_000 + i * 7919), name });
      const client = await createClient(intake, system.tokens.staff, employerId, 'HR');
      employers.push({ employerId, token: (await employerToken(intake, client.clientId, client.clientSecret))!.token });
    }
    const [a, b] = employers as [{ employerId: string; token: string }, { employerId: string; token: string }];
    const vacancy = await api(`${intake}/v1/vacancies`, { method: 'POST', token: b.token, body: aVacancy() });
    expect(vacancy.status).toBe(201);
    const vacancyId = String(vacancy.body.vacancyId);

    const probes: [string, string, unknown?][] = [
      ['GET', `${intake}/v1/vacancies/${vacancyId}`],
      ['PATCH', `${intake}/v1/vacancies/${vacancyId}`, { title: 'Đã bị sửa bởi người khác' }],
      ['POST', `${intake}/v1/vacancies/${vacancyId}/close`, { reason: 'withdrawn' }],
      ['POST', `${intake}/v1/vacancies/${vacancyId}/hires`, { workerId: 'wrk_probe01' }],
      ['GET', `${intake}/v1/employers/${b.employerId}`],
      ['GET', `${intake}/v1/employers/${b.employerId}/clients`],
      ['GET', `${system.urls.matching}/v1/vacancies/${vacancyId}/matches`],
    ];
    for (const [method, url, body] of probes) {
      // With the right If-Match, so that only ownership can refuse it.
      const answer = await api(url, { method, token: a.token, headers: { 'if-match': `"${String(vacancy.body.version ?? 1)}"` }, ...(body === undefined ? {} : { body }) });
      expect([403, 404], `${method} ${url}: ${answer.status} ${answer.text.slice(0, 200)}`).toContain(answer.status);
      expect(answer.text).not.toContain('Công ty CP Cơ khí Sông Công B');
    }
    const unchanged = await api(`${intake}/v1/vacancies/${vacancyId}`, { token: b.token });
    expect(unchanged.body).toMatchObject({ version: vacancy.body.version, status: 'open', terms: { title: aVacancy().title } });

    // Mass assignment: owner, status, version and priority flags are the system's, not the client's.
    // (employerId is a staff field: an employer naming another one is forbidden, the rest is not in the schema.)
    for (const [extra, status] of [[{ employerId: b.employerId }, 403], [{ status: 'filled' }, 400], [{ version: 99 }, 400], [{ priorityBoost: 1 }, 400]] as const) {
      const answer = await api(`${intake}/v1/vacancies`, { method: 'POST', token: a.token, body: { ...aVacancy(), ...extra } });
      expect(answer.status, JSON.stringify(extra)).toBe(status);
    }
    const own = await api(`${intake}/v1/vacancies`, { token: b.token });
    expect((own.body.items as unknown[]).length).toBe(1);
  }, 60_000);

  it('guessing client secrets is rate limited: 429 with Retry-After', async () => {
    const intake = system.urls['vacancy-intake'];
    const answers = [];
    for (let i = 0; i < 40; i += 1) {
      const response = await fetch(`${intake}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `grant_type=client_credentials&client_id=cli_guessed&client_secret=kns_guess${i}`,
      });
      await response.arrayBuffer();
      answers.push({ status: response.status, retryAfter: response.headers.get('retry-after') });
    }
    expect(answers.slice(0, 5).every((a) => a.status === 401)).toBe(true);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((a) => Number(a.retryAfter) > 0)).toBe(true);
  }, 60_000);

  it('bodies over the limit get 413; deep nesting, huge arrays and operator injection get 400, on every operation that takes a body', async () => {
    const token = await system.issue({ sub: 'staff-admin', roles: ['staff', 'admin', 'analyst'] });
    let deepest = '';
    for (let i = 0; i < 5_000; i += 1) deepest = `{"a":${deepest || '1'}}`;
    const attacks: [string, string, number[]][] = [
      ['over the body limit', JSON.stringify({ note: 'x'.repeat(2 * 1024 * 1024) }), [413]],
      ['nested 5,000 deep', deepest, [400]],
      ['a 100,000-element array', JSON.stringify({ items: Array.from({ length: 100_000 }, () => 1) }), [400, 413]],
      ['an operator in the body', '{"phone":{"$gt":""},"fullName":{"$where":"1"}}', [400]],
      ['a dotted member name', '{"address.communeCode":"01840"}', [400]],
    ];
    const wrong: string[] = [];
    const withBody = operations.filter((op) => op.hasBody && op.method !== 'GET');
    for (const op of withBody) {
      const url = `${system.urls[op.service]}${op.path.replace(/\{[^}]+\}/g, 'probe_01')}`;
      for (const [name, payload, expected] of attacks) {
        const status = await fetch(url, { method: op.method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: payload }).then(
          async (response) => {
            await response.arrayBuffer();
            return response.status;
          },
          (error: Error) => `no answer (${(error.cause as Error | undefined)?.message ?? error.message})`,
        );
        // An employer-only route refuses the staff token first (403); a file upload refuses JSON (415).
        if (typeof status !== 'number' || (!expected.includes(status) && ![403, 415].includes(status))) wrong.push(`${op.service} ${op.method} ${op.path} ${name}: ${status}`);
      }
    }
    expect(withBody.length).toBeGreaterThan(10);
    expect(wrong).toEqual([]);

    const gets = operations.filter((op) => op.method === 'GET' && op.secured && !op.path.includes('{'));
    for (const op of gets) {
      const answer = await api(`${system.urls[op.service]}${op.path}?status[$ne]=x&$where=1`, { token });
      expect([400, 403], `${op.service} ${op.path}`).toContain(answer.status);
    }
  }, 180_000);

  it('every consumed topic dead-letters poison (not JSON, wrong schema, unknown type, huge, wrong version) with its reason, and no consumer stalls', async () => {
    const kafka = testKafka();
    const admin = kafka.admin();
    await admin.connect();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const prefix = system.topic('x').slice(2);
      const consumed = topics.filter((topic) => topic.consumers.length > 0);
      const run = randomUUID().slice(0, 8);
      const poisonOf = (topic: (typeof consumed)[number]) => {
        const envelope = (over: Record<string, unknown>) =>
          JSON.stringify({ specversion: '1.0', id: randomUUID(), source: '/attacker', time: new Date().toISOString(), datacontenttype: 'application/json', type: topic.events[0]!.type, subject: 'x', data: {}, ...over });
        return [
          ['not-json', '{"this is": not json'],
          ['wrong-schema', envelope({ data: { surprise: true } })],
          ['unknown-type', envelope({ type: 'ketnoi.no-such.event' })],
          ['huge', envelope({ data: { blob: 'x'.repeat(600 * 1024) } })],
          ['wrong-version', envelope({ specversion: '0.3' })],
        ].map(([kind, value]) => ({ key: `poison-${run}-${kind}`, value: value! }));
      };
      for (const topic of consumed) await producer.send({ topic: system.topic(topic.name), acks: -1, messages: poisonOf(topic) });

      // Which of this system's consumer groups read each topic.
      const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith(prefix));
      const readersOf = async (physical: string) => {
        const readers: string[] = [];
        for (const groupId of groups) {
          const [offsets] = await admin.fetchOffsets({ groupId, topics: [physical] });
          if (offsets?.partitions.some((p) => Number(p.offset) >= 0)) readers.push(groupId);
        }
        return readers;
      };
      const problems: string[] = [];
      let letters = 0;
      for (const topic of consumed) {
        const physical = system.topic(topic.name);
        const dlq = await readTopic(kafka, dlqTopicName(physical));
        try {
          // No stall: every group that reads the topic commits past the poison.
          const ends = await admin.fetchTopicOffsets(physical);
          let state = '';
          const readers = await waitFor(
            async () => {
              const found = await readersOf(physical);
              const behind: string[] = [];
              for (const groupId of found) {
                const [offsets] = await admin.fetchOffsets({ groupId, topics: [physical] });
                for (const end of ends) {
                  const at = Number(offsets?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
                  // A partition nothing was ever written to has nothing to commit.
                  if (Number(end.high) > 0 && at < Number(end.high)) behind.push(`${groupId} p${end.partition} at ${at} of ${end.high}`);
                }
              }
              state = found.length === 0 ? 'no group has read it' : behind.join('; ');
              return found.length > 0 && behind.length === 0 && found;
            },
            { timeoutMs: 60_000, intervalMs: 500, what: `the consumers of ${physical} to pass the poison` },
          ).catch((error: Error) => {
            throw new Error(`${error.message}: ${state}`);
          });
          const poison = poisonOf(topic).map((m) => m.key);
          const dead = await waitFor(
            () => {
              const mine = dlq.messages.filter((m) => m.key !== null && poison.includes(m.key));
              return mine.length >= poison.length * readers.length && mine;
            },
            { timeoutMs: 30_000, intervalMs: 250, what: `${poison.length} dead letters per group on ${dlqTopicName(physical)}` },
          );
          for (const key of poison) {
            for (const groupId of readers) {
              const letter = dead.find((m) => m.key === key && m.headers['ketnoi-dlq-group'] === groupId);
              if (letter) letters += 1;
              if (!letter) problems.push(`${physical}: ${groupId} did not dead-letter ${key}`);
              else if (!letter.headers['ketnoi-dlq-reason'] || letter.headers['ketnoi-dlq-topic'] !== physical) problems.push(`${physical}: ${key} lacks its reason or origin`);
            }
          }
        } finally {
          await dlq.stop();
        }
      }
      console.info(`poison: ${consumed.length} consumed topics, ${letters} dead letters with reason and origin (5 poison records × each consumer group)`);
      expect(consumed.length).toBeGreaterThan(6);
      expect(problems).toEqual([]);
    } finally {
      await producer.disconnect();
      await admin.disconnect();
    }
  }, 300_000);

  it.each(SERVICE_NAMES)('%s answers every request schemathesis generates from its OpenAPI document without a server error, as documented', async (service) => {
    const token = await system.issue({ sub: 'fuzzer', roles: ['staff', 'admin', 'analyst'] });
    const report = await fuzzService({
      openapiUrl: `${system.urls[service]}/docs/json`,
      headers: { authorization: `Bearer ${token}` },
      maxExamples: EXAMPLES,
      checks: CHECKS,
      timeoutMs: 240_000,
    });
    fuzzReports.set(service, report);
    expect(report.operations).toBeGreaterThan(0);
    expect(report.cases).toBeGreaterThan(report.operations);
    expect(report.failures).toEqual([]);
  }, 300_000);
});
