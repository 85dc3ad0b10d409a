import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoSummary, StreamDemoOptions } from '@ketnoi/demo';
import { describe, expect, it } from 'vitest';
import { readCliEnv, runCli, type ImportFileOptions } from '../../src/index.js';
import type { ImportReport } from '../../src/import/import-report.js';
import { captureIo } from './capture-io.js';

const summary: DemoSummary = {
  seed: 7,
  workers: { published: 10 },
  employers: { total: 2, created: 1, existing: 1, rejected: 0, rejections: [] },
  vacancies: { total: 5, created: 4, existing: 0, rejected: 1, rejections: [{ index: 3, reference: 'KN-7-3', status: 422, code: 'RULES_VIOLATED', detail: 'wage' }] },
  durationMs: 1234,
};

const noKafka = () => {
  throw new Error('kafka not expected');
};

describe('ketnoi demo', () => {
  it('passes flags and environment to streamDemo and prints the summary', async () => {
    const io = captureIo();
    const calls: StreamDemoOptions[] = [];
    const code = await runCli(['demo', '--workers', '10', '--vacancies', '5', '--employers', '2', '--seed', '7', '--today', '2026-12-01'], {
      io,
      env: readCliEnv({ STAFF_TOKEN: 'staff-jwt', KAFKA_BROKERS: 'k:9092', VACANCY_INTAKE_URL: 'http://intake:3002' }),
      kafka: noKafka,
      streamDemo: async (options) => {
        calls.push(options);
        options.onProgress?.({ phase: 'workers', done: 10, total: 10 });
        return summary;
      },
    });
    expect(code).toBe(0);
    expect(calls[0]).toMatchObject({ kafkaBrokers: ['k:9092'], vacancyIntakeUrl: 'http://intake:3002', staffToken: 'staff-jwt', workers: 10, vacancies: 5, employers: 2, seed: 7, today: '2026-12-01' });
    expect(io.stdout).toContain('vacancies: 4 created, 0 already there, 1 refused');
    expect(io.stdout).toContain('  vacancy KN-7-3: HTTP 422 RULES_VIOLATED wage');
    expect(io.stderr).toContain('workers: 10/10');
  });

  it('refuses to run without a staff token, and refuses bad numbers', async () => {
    const io = captureIo();
    const streamDemo = async () => summary;
    expect(await runCli(['demo'], { io, env: readCliEnv({}), kafka: noKafka, streamDemo })).toBe(1);
    expect(io.stderr.at(-1)).toBe('error: a staff token is needed: --token, or KETNOI_TOKEN / STAFF_TOKEN');
    expect(await runCli(['demo', '--workers', '-3', '--token', 't'], { io, env: readCliEnv({}), kafka: noKafka, streamDemo })).toBe(1);
    expect(io.stderr.join('\n')).toContain("option '--workers <n>' argument '-3' is invalid");
  });
});

describe('ketnoi import', () => {
  it('imports a file named relative to where pnpm ran, and exits 2 when rows were refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ketnoi-cli-'));
    await writeFile(join(dir, 'v.csv'), 'external_ref\nx\n');
    const io = captureIo();
    const calls: ImportFileOptions[] = [];
    const report: ImportReport = { rows: 2, outcomes: { created: 1, rejected: 1 }, unknownColumns: [], results: [{ row: 3, outcome: 'rejected', errors: [{ field: 'wageMinVnd', message: 'below the regional minimum' }] }] };
    const code = await runCli(['import', 'vacancies', 'v.csv', '--employer-id', 'emp-123456', '--chunk', '50'], {
      io,
      env: readCliEnv({ KETNOI_TOKEN: 'tok', INIT_CWD: dir }),
      kafka: noKafka,
      importFile: async (options) => {
        calls.push(options);
        return report;
      },
    });
    expect(code).toBe(2);
    expect(calls[0]).toMatchObject({ kind: 'vacancies', file: join(dir, 'v.csv'), baseUrl: 'http://127.0.0.1:3002', token: 'tok', employerId: 'emp-123456', chunkRows: 50 });
    expect(io.stdout).toEqual(['2 rows: created 1, rejected 1', 'row 3 (rejected): wageMinVnd: below the regional minimum']);
  });
});

describe('ketnoi dlq replay', () => {
  it('needs exactly one of --offset and --all', async () => {
    const io = captureIo();
    const deps = { io, env: readCliEnv({}), kafka: noKafka };
    expect(await runCli(['dlq', 'replay', 'ingest.workers.v1'], deps)).toBe(1);
    expect(await runCli(['dlq', 'replay', 'ingest.workers.v1', '--all', '--offset', '3'], deps)).toBe(1);
    expect(io.stderr.filter((l) => l.includes('--offset N[,M...] or --all'))).toHaveLength(2);
  });
});
