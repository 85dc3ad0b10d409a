import { matchesTopic, placementsTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { createDevIssuer } from '@ketnoi/service-kit';
import { readTopic, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageCount, publish, startService, testKafka, waitForApplied, type TestService } from '../helpers.js';
import { aVacancy, aWorker } from '../mothers.js';

interface MatchEvent {
  type: string;
  subject: string;
  data: { workerId: string; vacancyId: string; reason?: string; rank?: number; score?: number; scoringVersion?: string; factors?: unknown[] };
}

const vacancyId = 'vacancy-flow-1';
const good = aWorker({ workerId: 'worker-good' });
const weaker = aWorker({ workerId: 'worker-weak', experienceYears: 1, qualification: 'elementary' });
const refusing = aWorker({ workerId: 'worker-no-consent', consentToMatching: false });

describe('matching service on the real broker and FerretDB', () => {
  let service: TestService;
  let matches: Awaited<ReturnType<typeof readTopic>>;
  const events = () => matches.messages.map((m) => JSON.parse(m.value ?? '{}') as MatchEvent);
  const listOf = async (svc: TestService) => {
    const response = await svc.app.inject({ method: 'GET', url: `/v1/vacancies/${vacancyId}/matches`, headers: await svc.bearer() });
    return response.json<{ total: number; items: { workerId: string; rank: number; boost?: unknown }[] }>();
  };

  beforeAll(async () => {
    service = await startService();
    matches = await readTopic(testKafka(), service.topic(matchesTopic.name));
    await publish(service.suffix, vacanciesTopic, [{ type: 'vacancy.opened', subject: vacancyId, data: aVacancy({ vacancyId }) }]);
    await publish(service.suffix, workersTopic, [good, weaker, refusing].map((data) => ({ type: 'worker.registered' as const, subject: data.workerId, data })));
  });

  afterAll(async () => {
    await matches?.stop();
    await service?.close();
  });

  it('proposes the matching workers, ranked, with the factor breakdown, keyed by vacancy', async () => {
    await waitFor(async () => (await listOf(service)).total === 2, { what: 'two matches' });
    const list = await listOf(service);
    expect(list.items.map((i) => i.workerId)).toEqual(['worker-good', 'worker-weak']);
    await matches.waitForCount(2);
    const proposed = events().filter((e) => e.type === 'match.proposed');
    expect(proposed.map((e) => e.data.workerId).sort()).toEqual(['worker-good', 'worker-weak']);
    expect(matches.messages.every((m) => m.key === vacancyId)).toBe(true);
    expect(proposed[0]?.data.factors).toHaveLength(7);
    expect(proposed[0]?.data.scoringVersion).toBe('scoring-v1.0');
  });

  it('explains a non-match by the filter that failed', async () => {
    const response = await service.app.inject({
      method: 'GET',
      url: `/v1/explain?workerId=worker-no-consent&vacancyId=${vacancyId}`,
      headers: await service.bearer(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ matched: false, failed: 'no-consent', rank: null });
    const matched = await service.app.inject({ method: 'GET', url: `/v1/explain?workerId=worker-good&vacancyId=${vacancyId}`, headers: await service.bearer() });
    expect(matched.json()).toMatchObject({ matched: true, failed: null, rank: 1 });
    expect(matched.json<{ factors: unknown[] }>().factors).toHaveLength(7);
  });

  it("shows a vacancy's candidates to its employer only, without priority groups", async () => {
    const own = await service.app.inject({ method: 'GET', url: `/v1/vacancies/${vacancyId}/matches`, headers: await service.bearer(['employer'], 'employer-0001') });
    expect(own.statusCode).toBe(200);
    expect(own.json<{ items: object[] }>().items[0]).not.toHaveProperty('boost');
    const other = await service.app.inject({ method: 'GET', url: `/v1/vacancies/${vacancyId}/matches`, headers: await service.bearer(['employer'], 'employer-9999') });
    expect(other.statusCode).toBe(404);
    const worker = await service.app.inject({ method: 'GET', url: '/v1/workers/worker-good/matches', headers: await service.bearer() });
    expect(worker.json<{ items: { vacancyId: string }[] }>().items.map((i) => i.vacancyId)).toEqual([vacancyId]);
  });

  it('ignores versions already applied, then withdraws erased and placed workers with the reason', async () => {
    await publish(service.suffix, workersTopic, [good, weaker].map((data) => ({ type: 'worker.updated' as const, subject: data.workerId, data })));
    await publish(service.suffix, workersTopic, [
      { type: 'worker.erased', subject: 'worker-weak', data: { workerId: 'worker-weak', version: 2, erasedAt: '2026-11-01T00:00:00.000Z' } },
    ]);
    await waitFor(() => events().some((e) => e.type === 'match.withdrawn' && e.data.workerId === 'worker-weak'), { what: 'withdrawal' });
    await publish(service.suffix, placementsTopic, [
      {
        type: 'placement.recorded',
        subject: vacancyId,
        data: { placementId: 'placement-1', version: 1, vacancyId, workerId: 'worker-good', employerId: 'employer-0001', hiredAt: '2026-11-02T00:00:00.000Z' },
      },
    ]);
    await waitFor(() => events().some((e) => e.type === 'match.withdrawn' && e.data.workerId === 'worker-good'), { what: 'placed withdrawal' });
    const withdrawn = events().filter((e) => e.type === 'match.withdrawn');
    expect(withdrawn.map((e) => [e.data.workerId, e.data.reason])).toEqual([
      ['worker-weak', 'worker-erased'],
      ['worker-good', 'placed'],
    ]);
    // The duplicates (same versions) announced nothing: two proposals, two withdrawals.
    expect(events()).toHaveLength(4);
    // Sharded, the list read is the merge stage's saved one, written just after its events are sent.
    await waitFor(async () => (await listOf(service)).total === 0, { what: 'the list emptied' });
  });

  it('rebuilds its state from its own collections on restart and announces nothing again', async () => {
    const second = aWorker({ workerId: 'worker-second' });
    await publish(service.suffix, workersTopic, [{ type: 'worker.registered', subject: second.workerId, data: second }]);
    await waitFor(async () => (await listOf(service)).total === 1, { what: 'a new match' });
    const { suffix } = service;
    const dbName = service.app.mongo.db?.databaseName;
    await service.close({ keepDatabase: true });
    service = await startService({ suffix, dbName, issuer: await createDevIssuer() });
    expect((await listOf(service)).items.map((i) => i.workerId)).toEqual(['worker-second']);
    const before = await messageCount(service.topic(matchesTopic.name));
    await publish(service.suffix, workersTopic, [{ type: 'worker.updated', subject: second.workerId, data: second }]);
    await waitForApplied(service, [workersTopic]);
    expect(await messageCount(service.topic(matchesTopic.name))).toBe(before);
  });
});
