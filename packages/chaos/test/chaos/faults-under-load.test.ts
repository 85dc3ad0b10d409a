import { SERVICE_NAMES } from '@ketnoi/launcher';
import { uniqueName } from '@ketnoi/testing';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { formatReport, loadChaosConfig, runChaos, type ChaosResult } from '../../src/index.js';

const root = resolve(import.meta.dirname, '../../../..');
const infra = inject('infra');
// The broker and FerretDB killed are the ones the tests run against (KAFKA_PORT, FERRETDB_PORT, KETNOI_DATA_DIR of infra/env.sh).
const config = loadChaosConfig({ ...process.env, KAFKA_BROKERS: infra.kafkaBrokers.join(',') });
const { profile } = config;
const budgetMs = profile.faultsMs + profile.settleMs + 600_000;

describe(`faults under load (${profile.mode}: ${profile.faultsMs / 1000} s of faults, seed ${config.seed})`, () => {
  let result: ChaosResult;

  it('runs the load through kill -9 of every service, of the broker, a FerretDB outage and rebalances, and settles', async () => {
    if (infra.origin === 'testcontainers') throw new Error('the chaos run kills the local infra/ processes; it does not run against testcontainers');
    result = await runChaos(config, root, infra, uniqueName('chaos').replace(/-/g, '_'));
    console.log(formatReport(result));
    expect(result.faults.filter((f) => f.error).map((f) => f.error)).toEqual([]);
    expect(new Set(result.faults.map((f) => (f.fault.kind === 'kill-service' ? f.fault.service : f.fault.kind)))).toEqual(new Set([...SERVICE_NAMES, 'kill-kafka', 'stop-ferretdb']));
    expect(result.settledInMs, 'the system settled within the bound').not.toBeNull();
  }, budgetMs);

  it('loses no accepted input', () => {
    expect(result, 'the run itself failed').toBeDefined();
    expect(result.rows.filter((r) => r.lost > 0).map((r) => `${r.check}: ${r.lost} lost`)).toEqual([]);
  });

  it('does no effect twice', () => {
    expect(result, 'the run itself failed').toBeDefined();
    expect(result.rows.filter((r) => r.duplicated > 0).map((r) => `${r.check}: ${r.duplicated} duplicated`)).toEqual([]);
  });

  it('rebuilds analytics from offset 0 into the same answers as the live instance', () => {
    expect(result?.replay?.differences).toEqual([]);
  });

  it('tells the truth on readiness while FerretDB is down, and restarts within bounds', () => {
    expect(result, 'the run itself failed').toBeDefined();
    const outages = result.faults.filter((f) => f.fault.kind === 'stop-ferretdb' && f.probes);
    expect(outages.length).toBeGreaterThan(0);
    for (const outage of outages) {
      for (const [service, answer] of Object.entries(outage.probes!)) {
        // A service being restarted does not answer at all; one that answers must say not ready, and alive.
        if (answer.ready !== null) expect(answer.ready, `${service} /health/ready with FerretDB down`).toBe(503);
        if (answer.live !== null) expect(answer.live, `${service} /health/live with FerretDB down`).toBe(200);
      }
    }
    expect(Object.entries(result.restarts).filter(([, r]) => r.gaveUp).map(([s]) => s)).toEqual([]);
  });
});
