import { matchesTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { readTopic, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardInputTopic } from '../../src/sharding/topics.js';
import { publish, startService, testKafka, type TestService } from '../helpers.js';
import { aVacancy, aWorker } from '../mothers.js';

interface Job {
  jobId: string;
  state: string;
  vacancies: number;
  done: number;
  changed: number;
  events: number;
}

describe('POST /v1/rematch (a background job)', () => {
  let service: TestService;
  let matches: Awaited<ReturnType<typeof readTopic>>;
  let clock = new Date('2026-11-15T00:00:00Z');

  /** A sharded job counts (shard, vacancy) pairs: each shard re-scores every open vacancy against its workers. */
  const perVacancy = () => (service.sharded ? shardInputTopic.partitions : 1);
  const listed = async () => {
    const response = await service.app.inject({ method: 'GET', url: '/v1/vacancies/vacancy-rematch/matches', headers: await service.bearer() });
    return response.json<{ items: { workerId: string }[] }>().items.map((item) => item.workerId);
  };

  const rematch = async (): Promise<Job> => {
    const response = await service.app.inject({ method: 'POST', url: '/v1/rematch', headers: await service.bearer(['admin']) });
    expect(response.statusCode).toBe(202);
    const job = response.json<Job>();
    expect(response.headers.location).toBe(`/v1/rematch/${job.jobId}`);
    let finished: Job | undefined;
    await waitFor(
      async () => {
        const progress = await service.app.inject({ method: 'GET', url: `/v1/rematch/${job.jobId}`, headers: await service.bearer(['admin']) });
        finished = progress.json<Job>();
        return finished.state !== 'running';
      },
      { what: 'the rematch job to finish' },
    );
    return finished!;
  };

  beforeAll(async () => {
    service = await startService({ now: () => clock });
    matches = await readTopic(testKafka(), service.topic(matchesTopic.name));
    await publish(service.suffix, vacanciesTopic, [{ type: 'vacancy.opened', subject: 'vacancy-rematch', data: aVacancy({ vacancyId: 'vacancy-rematch' }, { maxAge: 35 }) }]);
    // worker-r2 is 35 in November 2026 and 36 from June 2027: the vacancy's age limit then excludes them.
    const workers = [aWorker({ workerId: 'worker-r1' }), aWorker({ workerId: 'worker-r2', experienceYears: 1, birthMonth: '1991-06' })];
    await publish(service.suffix, workersTopic, workers.map((data) => ({ type: 'worker.registered' as const, subject: data.workerId, data })));
    await waitFor(async () => (await listed()).length === 2, { what: 'two matches' });
    await matches.waitForCount(2);
  });

  afterAll(async () => {
    await matches?.stop();
    await service?.close();
  });

  it('is for admins only, and an unknown job is 404', async () => {
    const response = await service.app.inject({ method: 'POST', url: '/v1/rematch', headers: await service.bearer(['staff']) });
    expect(response.statusCode).toBe(403);
    const unknown = await service.app.inject({ method: 'GET', url: '/v1/rematch/6f1c1a4e-2b7f-4c2a-9c5e-0d1f2a3b4c5d', headers: await service.bearer(['admin']) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });

  it('re-scores every open vacancy in the background and announces nothing when nothing changed', async () => {
    expect(await rematch()).toMatchObject({ state: 'done', vacancies: perVacancy(), done: perVacancy(), changed: 0, events: 0 });
    expect(matches.messages).toHaveLength(2);
  });

  it('announces only the difference when ages have moved on: the worker now too old is withdrawn', async () => {
    clock = new Date('2027-07-01T00:00:00Z');
    expect(await rematch()).toMatchObject({ state: 'done', vacancies: perVacancy(), done: perVacancy(), changed: 1, events: 1 });
    await matches.waitForCount(3);
    const last = JSON.parse(matches.messages[2]!.value ?? '{}') as { type: string; data: { workerId: string; reason: string } };
    expect(last).toMatchObject({ type: 'match.withdrawn', data: { workerId: 'worker-r2', reason: 'rescored' } });
    await waitFor(async () => (await listed()).length === 1, { what: 'the list saved' });
    expect(await listed()).toEqual(['worker-r1']);
  });
});
