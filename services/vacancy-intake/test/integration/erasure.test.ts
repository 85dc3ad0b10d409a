import { dlqTopicName, placementsTopic, workersTopic } from '@ketnoi/contracts';
import { createKafka, EventPublisher } from '@ketnoi/messaging';
import { readTopic, testKafka, testLogger, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ERASED_WORKER } from '../../src/domain/erasure.js';
import { aVacancyInput } from '../mothers.js';
import { bearer, employerSession, readEvents, registerEmployer, startService, type TestService } from '../helpers.js';

describe('worker.erased on workers.v1', () => {
  let service: TestService;
  let publisher: EventPublisher;
  let token: string;

  beforeAll(async () => {
    service = await startService();
    ({ token } = await employerSession(service, await registerEmployer(service)));
    const kafka = createKafka({ brokers: inject('infra').kafkaBrokers, clientId: 'registration', logger: testLogger() });
    publisher = new EventPublisher({ kafka, source: '/ketnoi/registration', logger: testLogger(), topicName: service.topic });
    await publisher.connect();
    await waitFor(async () => (await service.app.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200, { what: 'consumers ready' });
  });
  afterAll(async () => {
    await publisher?.disconnect();
    await service?.close();
  });

  const erase = (workerId: string, version = 3) =>
    publisher.publish(workersTopic, [{ type: 'worker.erased', subject: workerId, data: { workerId, version, erasedAt: new Date().toISOString() } }]);
  const post = (url: string, payload: object) => service.app.inject({ method: 'POST', url, headers: bearer(token), payload });
  /** How many worker.erased events the consumer handled with an outcome, from its metrics. */
  const handled = async (outcome: string) => {
    const text = (await service.app.inject({ method: 'GET', url: '/metrics' })).body;
    const line = text.split('\n').find((l) => l.startsWith('ketnoi_events_handled_total{') && l.includes('type="worker.erased"') && l.includes(`outcome="${outcome}"`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };
  /** Everything stored that names the worker: heads, history and candidacies. */
  const traces = async (workerId: string) => {
    const { vacancies, candidacies } = service.app.stores;
    const [heads, versions, candidacyHeads, candidacyVersions] = await Promise.all([
      vacancies.heads.countDocuments({ hiredWorkerIds: workerId }),
      vacancies.versions.countDocuments({ 'state.hiredWorkerIds': workerId }),
      candidacies.heads.countDocuments({ workerId }),
      candidacies.versions.countDocuments({ 'state.workerId': workerId }),
    ]);
    return { heads, versions, candidacyHeads, candidacyVersions };
  };
  const noTraces = { heads: 0, versions: 0, candidacyHeads: 0, candidacyVersions: 0 };

  it('forgets a hired worker in the vacancy and its history, keeps the hire counted, and a replay changes nothing', async () => {
    const vacancyId = (await post('/v1/vacancies', aVacancyInput({ positions: 3, title: 'Công nhân may' }))).json<{ vacancyId: string }>().vacancyId;
    expect((await post(`/v1/vacancies/${vacancyId}/outcomes`, { workerId: 'wrk_erase01', outcome: 'interviewed' })).statusCode).toBe(201);
    expect((await post(`/v1/vacancies/${vacancyId}/hires`, { workerId: 'wrk_erase01' })).statusCode).toBe(201);
    expect((await post(`/v1/vacancies/${vacancyId}/hires`, { workerId: 'wrk_keep01' })).statusCode).toBe(201);
    // The relay publishes the hires first (erasure waits for an outbox to empty, and this makes the test decide nothing).
    const placements = await readEvents(service, placementsTopic.name);
    await placements.waitFor(3);
    await placements.reader.stop();
    // Each query finds the worker before the erasure (so finding nothing afterwards means something).
    expect(await traces('wrk_erase01')).toEqual({ heads: 1, versions: 2, candidacyHeads: 1, candidacyVersions: 1 });

    await erase('wrk_erase01');
    await waitFor(async () => Object.values(await traces('wrk_erase01')).every((n) => n === 0), { what: 'the worker to be forgotten' });
    const read = async () => (await service.app.inject({ method: 'GET', url: `/v1/vacancies/${vacancyId}`, headers: bearer(token) })).json<{ positionsFilled: number; status: string; version: number }>();
    const after = await read();
    expect(after).toMatchObject({ positionsFilled: 2, status: 'open' });
    expect((await service.app.stores.vacancies.get(vacancyId))!.state.hiredWorkerIds).toEqual([ERASED_WORKER, 'wrk_keep01']);
    expect(await traces('wrk_keep01')).toMatchObject({ heads: 1, versions: 2 });

    // Not hired nor assessed again.
    expect((await post(`/v1/vacancies/${vacancyId}/hires`, { workerId: 'wrk_erase01' })).json()).toMatchObject({ code: 'WORKER_ERASED', status: 422 });
    expect((await post(`/v1/vacancies/${vacancyId}/outcomes`, { workerId: 'wrk_erase01', outcome: 'shortlisted' })).json()).toMatchObject({ code: 'WORKER_ERASED' });

    // A replay, and a redelivery under a later version, change nothing: both are handled as duplicates.
    await erase('wrk_erase01');
    await erase('wrk_erase01', 4);
    await waitFor(async () => (await handled('duplicate')) === 2, { what: 'the replays to be handled' });
    expect(await handled('dead-lettered')).toBe(0);
    expect(await read()).toEqual(after);
    expect(await traces('wrk_erase01')).toEqual(noTraces);
  });

  it('records the erasure of a worker it never saw, and refuses to hire them afterwards', async () => {
    await erase('wrk_never01');
    await waitFor(async () => (await service.app.stores.erasedWorkers.ownerOf('wrk_never01')) !== undefined, { what: 'the erasure to be recorded' });
    const vacancyId = (await post('/v1/vacancies', aVacancyInput({ positions: 2, title: 'Thợ hàn' }))).json<{ vacancyId: string }>().vacancyId;
    expect((await post(`/v1/vacancies/${vacancyId}/hires`, { workerId: 'wrk_never01' })).json()).toMatchObject({ code: 'WORKER_ERASED', status: 422 });
    expect(await traces('wrk_never01')).toEqual(noTraces);
  });

  it('dead-letters a worker event the contract refuses, with the reason', async () => {
    const raw = testKafka().producer();
    await raw.connect();
    const event = { specversion: '1.0', id: 'raw-erase-1', source: '/ketnoi/registration', type: 'worker.erased', time: new Date().toISOString(), subject: 'wrk_bad001', data: { workerId: 'wrk_bad001', version: 0 } };
    await raw.send({ topic: service.topic(workersTopic.name), messages: [{ key: 'wrk_bad001', value: JSON.stringify(event) }] });
    await raw.disconnect();
    const dlq = await readTopic(testKafka(), dlqTopicName(service.topic(workersTopic.name)));
    await dlq.waitForCount(1);
    await dlq.stop();
    expect(`${dlq.messages[0]!.headers['ketnoi-dlq-code']} ${dlq.messages[0]!.headers['ketnoi-dlq-reason']}`).toMatch(/SCHEMA_MISMATCH/);
  });
});
