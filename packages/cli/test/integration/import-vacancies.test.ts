import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { employerAt, vietnamToday } from '@ketnoi/demo';
import { withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, loadConfig, type ServiceApp } from '@ketnoi/service-kit';
import { testLogger, uniqueName } from '@ketnoi/testing';
import { buildApp, configSchema } from '@ketnoi/vacancy-intake';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCliEnv, runCli } from '../../src/index.js';
import { captureIo } from '../unit/capture-io.js';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('ketnoi import vacancies into the real vacancy-intake service', () => {
  const dbName = uniqueName('cli-intake').replace(/-/g, '_');
  let app: ServiceApp;
  let url: string;
  let token: string;
  let employerId: string;
  let dir: string;

  beforeAll(async () => {
    const { kafkaBrokers, mongoUrl } = inject('infra');
    const issuer = await createDevIssuer();
    const config = loadConfig(configSchema, {
      MONGO_URL: mongoUrl,
      MONGO_DB_NAME: dbName,
      KAFKA_BROKERS: kafkaBrokers.join(','),
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
      AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
      LOG_LEVEL: 'warn',
      INGEST_GROUP_ID: uniqueName('cli-intake-ingest'),
    });
    app = await buildApp(config, { logger: testLogger(), topicName: withSuffix(uniqueName('cli-intake')), outboxIdleMs: 50, maxWaitTimeInMs: 200, defaultMetrics: false });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    token = await issuer.issue({ sub: 'operator', roles: ['staff'] });
    const employer = await fetch(`${url}/v1/employers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(employerAt(Math.floor(Math.random() * 1_000_000), 0).body),
    });
    expect(employer.status).toBe(201);
    employerId = ((await employer.json()) as { employerId: string }).employerId;
    dir = await mkdtemp(join(tmpdir(), 'ketnoi-import-'));
  });

  afterAll(async () => {
    await app.close();
    const connection = await mongoose.createConnection(inject('infra').mongoUrl, { dbName }).asPromise();
    await connection.dropDatabase();
    await connection.close();
  });

  it('imports as staff for an employer, reports refused rows by file row, and a re-import changes nothing', async () => {
    const deadline = addDays(vietnamToday(), 20);
    const csv = [
      'external_ref,title,occupation_code,positions,commune_code,wage_min_vnd,wage_max_vnd,shifts,deadline,min_qualification',
      `C-1,Công nhân lắp ráp điện tử,8212,20,05860,7.500.000,9.000.000,day,${deadline},none`,
      `C-2,Chỉ tuyển nữ lắp ráp,8212,5,05860,7500000,9000000,day,${deadline},none`,
      `C-3,Thợ hàn,7212,3,05860,2000000,3000000,day,${deadline},none`,
    ].join('\n');
    await writeFile(join(dir, 'vacancies.csv'), csv);
    const run = async () => {
      const io = captureIo();
      const code = await runCli(['import', 'vacancies', 'vacancies.csv', '--employer-id', employerId, '--chunk', '2'], {
        io,
        env: readCliEnv({ VACANCY_INTAKE_URL: url, KETNOI_TOKEN: token, INIT_CWD: dir }),
      });
      return { code, ...io };
    };
    const first = await run();
    expect(first.code).toBe(2);
    expect(first.stdout[0]).toBe('3 rows: created 1, rejected 2');
    expect(first.stdout.slice(1).map((line) => line.replace(/:.*/, ''))).toEqual(['row 3 (rejected)', 'row 4 (rejected)']);
    expect(first.stdout[1]).toContain('title');
    expect(first.stdout[2]).toContain('wage');
    const second = await run();
    expect(second.stdout[0]).toBe('3 rows: rejected 2, unchanged 1');
  });
});
