import { placementsTopic, supplyDemandTopic, vacanciesTopic, workersTopic, type VacancySnapshot, type WorkerSnapshot } from '@ketnoi/contracts';
import { createDevIssuer } from '@ketnoi/service-kit';
import { readTopic, uniqueName, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, startService, testKafka, type TestService } from '../helpers.js';
import { aPlacement, aVacancy, aWorker } from '../mothers.js';

interface Report {
  items: { area: { code: string }; occupation: { code: string }; jobSeekers: number; openPositions: number; placements: number; shortageIndex: number }[];
}

const workers = [
  aWorker({ workerId: 'sd-worker-1' }),
  aWorker({ workerId: 'sd-worker-2', communeCode: '05500' }),
  aWorker({ workerId: 'sd-worker-3', desiredOccupations: ['8160', '7212'] }),
  aWorker({ workerId: 'sd-worker-4', status: 'not-looking' }),
];
const vacancies = [aVacancy({ vacancyId: 'sd-vacancy-1', positionsFilled: 1 }), aVacancy({ vacancyId: 'sd-vacancy-2' }, { occupationCode: '2211', positions: 2 })];
const hired = { type: 'placement.recorded' as const, subject: 'sd-vacancy-1', data: aPlacement({ placementId: 'sd-placement-1', vacancyId: 'sd-vacancy-1' }) };
const registered = (data: WorkerSnapshot) => ({ type: 'worker.registered' as const, subject: data.workerId, data });
const opened = (data: VacancySnapshot) => ({ type: 'vacancy.opened' as const, subject: data.vacancyId, data });
const cells = (report: Report) => report.items.map((c) => [c.area.code, c.occupation.code, c.jobSeekers, c.openPositions]);
const withHires = (report: Report) => report.items.map((c) => [c.area.code, c.occupation.code, c.jobSeekers, c.openPositions, c.placements]);

describe('analytics service on the real broker and FerretDB', () => {
  const issuer = createDevIssuer();
  let service: TestService;
  const report = async (svc: TestService, query = 'level=province') => {
    const response = await svc.app.inject({ method: 'GET', url: `/v1/supply-demand?${query}`, headers: await svc.bearer() });
    return response.json<Report>();
  };

  beforeAll(async () => {
    service = await startService({ issuer: await issuer, env: { ANALYTICS_PUBLISH_DEBOUNCE_MS: '100' } });
    await publish(service.suffix, workersTopic, workers.map(registered));
    await publish(service.suffix, vacanciesTopic, vacancies.map(opened));
    await publish(service.suffix, placementsTopic, [hired]);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('shows the published workers and vacancies per occupation major group', async () => {
    const expected = [
      ['19', '2', 0, 2],
      ['19', '7', 3, 4],
      ['19', '8', 1, 0],
    ];
    await waitFor(async () => JSON.stringify(cells(await report(service))) === JSON.stringify(expected), { what: 'province cells' });
    await waitFor(async () => (await report(service)).items.find((c) => c.occupation.code === '7')?.placements === 1, { what: 'the hire' });
    expect(cells(await report(service, 'level=commune'))).toEqual([
      ['05443', '2', 0, 2],
      ['05443', '7', 2, 4],
      ['05443', '8', 1, 0],
      ['05500', '7', 1, 0],
    ]);
  });

  it('ignores replayed duplicates, then applies a newer version', async () => {
    await waitFor(async () => (await report(service)).items.length === 3, { what: 'first events' });
    // Duplicates first, then a newer version of the same aggregates: same key, same partition, so applied after them.
    await publish(service.suffix, workersTopic, [...workers.map(registered), registered(aWorker({ workerId: 'sd-worker-1', version: 2, status: 'placed' }))]);
    await publish(service.suffix, vacanciesTopic, [
      ...vacancies.map(opened),
      { type: 'vacancy.updated', subject: 'sd-vacancy-1', data: aVacancy({ vacancyId: 'sd-vacancy-1', version: 2, positionsFilled: 3 }) },
    ]);
    await publish(service.suffix, placementsTopic, [
      hired,
      { ...hired, data: aPlacement({ placementId: 'sd-placement-2', vacancyId: 'sd-vacancy-1' }) },
    ]);
    const expected = [
      ['19', '2', 0, 2],
      ['19', '7', 2, 2],
      ['19', '8', 1, 0],
    ];
    await waitFor(async () => JSON.stringify(cells(await report(service))) === JSON.stringify(expected), { what: 'newer versions applied' });
    // Same key (vacancyId), same partition: the second hire arrives after the duplicate of the first.
    await waitFor(async () => (await report(service)).items.find((c) => c.occupation.code === '7')?.placements === 2, { what: 'the second hire' });
  });

  it('publishes the latest numbers of each cell on the compacted topic, keyed by cell', async () => {
    const expected = cells(await report(service));
    const topic = await readTopic(testKafka(), service.topic(supplyDemandTopic.name));
    try {
      const latestProvinceCells = () => {
        const latest = new Map<string, { key: string; area: { level: string; code: string }; occupation: { code: string }; jobSeekers: number; openPositions: number }>();
        for (const message of topic.messages) {
          const event = JSON.parse(message.value ?? '{}') as { data: { key: string } };
          expect(message.key).toBe(event.data.key);
          latest.set(event.data.key, event.data as never);
        }
        return [...latest.values()]
          .filter((c) => c.area.level === 'province' && (c.jobSeekers > 0 || c.openPositions > 0))
          .sort((a, b) => a.key.localeCompare(b.key))
          .map((c) => [c.area.code, c.occupation.code, c.jobSeekers, c.openPositions]);
      };
      await waitFor(() => JSON.stringify(latestProvinceCells()) === JSON.stringify(expected), { what: 'published cells' });
    } finally {
      await topic.stop();
    }
  });

  it('computes the same numbers when replaying every topic from offset 0 into an empty database', async () => {
    const settled = withHires(await report(service));
    const replay = await startService({ issuer: await issuer, suffix: service.suffix,
      dbName: uniqueName('analytics_replay').replace(/-/g, '_'),
      groupId: uniqueName('analytics-replay'),
    });
    try {
      await waitFor(async () => JSON.stringify(withHires(await report(replay))) === JSON.stringify(settled), { what: 'replayed cells', timeoutMs: 40_000 });
    } finally {
      await replay.close();
    }
  });

  it('reloads its projections on restart without re-reading the topics', async () => {
    const settled = withHires(await report(service));
    const dbName = service.app.mongo.db?.databaseName ?? '';
    const restarted = await startService({ issuer: await issuer, suffix: uniqueName('analytics-empty'), dbName });
    try {
      expect(withHires(await report(restarted))).toEqual(settled);
    } finally {
      await restarted.close({ keepDatabase: true });
    }
  });
});
