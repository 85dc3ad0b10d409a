import type { ServiceApp } from '@ketnoi/service-kit';
import { waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, startService } from '../helpers.js';
import { projectionStory, storyVacancies, storyWorkers } from '../projection-story.js';

type Service = Awaited<ReturnType<typeof startService>>;

/** The story's end, as both batch sizes must project it. */
const expected = {
  workers: [['worker-s1', 2], ['worker-s2', 2], ['worker-s3', 3]],
  vacancies: [['vacancy-sa', 2], ['vacancy-sb', 2]],
  matches: [['vacancy-sa:worker-s1', 0.95], ['vacancy-sa:worker-s2', 0.88], ['vacancy-sa:worker-s3', 0.75], ['vacancy-sb:worker-s2', 0.45]],
};
const summary = (app: ServiceApp) => {
  const state = app.jobfairs.projections.state();
  return {
    workers: state.workers.map((w) => [w.workerId, w.version]),
    vacancies: state.vacancies.map((v) => [v.vacancyId, v.version]),
    matches: state.matches.map((m) => [m.matchId, m.score]),
  };
};

/** Events handled, by type and outcome (the topic names differ between the two services). */
async function handled(app: ServiceApp): Promise<Record<string, number>> {
  const body = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  const counts: Record<string, number> = {};
  for (const line of body.split('\n').filter((l) => l.startsWith('ketnoi_events_handled_total{'))) {
    const label = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(line)?.[1];
    const key = `${label('type')} ${label('outcome')}`;
    counts[key] = (counts[key] ?? 0) + Number(line.split(' ').pop());
  }
  return counts;
}

/** What a fair in this service answers for the story's workers: registrations, lists and the booth's ranked attendees, without the ids it made. */
async function answers(svc: Service): Promise<unknown> {
  const staff = await svc.bearer();
  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => svc.app.inject({ method, url, headers: staff, ...(payload ? { payload } : {}) });
  const fairId = (
    await call('POST', '/v1/fairs', {
      title: 'Phiên giao dịch việc làm tháng 12',
      theme: 'general',
      format: 'in-person',
      startsAt: '2026-12-10T01:00:00.000Z',
      endsAt: '2026-12-10T05:00:00.000Z',
      venue: { kind: 'centre', name: 'Trung tâm Dịch vụ việc làm Thái Nguyên', communeCode: '05443' },
      capacity: 10,
    })
  ).json<{ fairId: string }>().fairId;
  const booth = await call('POST', `/v1/fairs/${fairId}/booths`, { employerId: 'employer-story', employerName: 'Công ty Điện tử Story', label: 'A1', vacancyIds: [...storyVacancies] });
  const boothId = booth.json<{ boothId: string }>().boothId;
  const registered: Record<string, string> = {};
  const registrations: unknown[] = [];
  for (const workerId of storyWorkers) {
    const response = await call('POST', `/v1/fairs/${fairId}/registrations`, { workerId });
    registrations.push([workerId, response.statusCode, response.json<{ code?: string }>().code]);
    if (response.statusCode === 201) registered[workerId] = response.json<{ registrationId: string }>().registrationId;
  }
  const lists: unknown[] = [];
  for (const [workerId, registrationId] of Object.entries(registered)) {
    const items = (await call('GET', `/v1/registrations/${registrationId}/recommendations`)).json<{ items: Record<string, unknown>[] }>().items;
    lists.push([workerId, items.map(({ boothId: _booth, ...rest }) => rest)]);
  }
  const attendees = (await call('GET', `/v1/booths/${boothId}/attendees`)).json<{ items: Record<string, unknown>[] }>().items;
  return {
    booth: booth.statusCode,
    registrations,
    lists,
    attendees: attendees.map(({ candidateRef: _ref, registrationId: _reg, ...rest }) => rest),
  };
}

describe('jobfairs consuming in batches of one (JOBFAIRS_BATCH_SIZE=0) and of up to 500, on the real broker', () => {
  let ofOne: Service;
  let batched: Service;

  beforeAll(async () => {
    [ofOne, batched] = await Promise.all([startService({ env: { JOBFAIRS_BATCH_SIZE: '0' } }), startService({ env: { JOBFAIRS_BATCH_SIZE: '500' } })]);
    for (const svc of [ofOne, batched]) {
      for (const chunk of projectionStory) await publish(svc.suffix, chunk.topic, chunk.inputs as never);
    }
  });

  afterAll(async () => {
    await ofOne?.close();
    await batched?.close();
  });

  it('projects the same story to the same state, counting the same duplicates', async () => {
    for (const svc of [ofOne, batched]) {
      await waitFor(() => JSON.stringify(summary(svc.app)) === JSON.stringify(expected), { what: 'the story projected', timeoutMs: 45_000 });
    }
    expect(batched.app.jobfairs.projections.state()).toEqual(ofOne.app.jobfairs.projections.state());
    // Every event handled, as ok or duplicate: 25 took effect, 7 were older or repeated.
    const done = async (app: ServiceApp) => Object.values(await handled(app)).reduce((a, b) => a + b, 0) === 32;
    await waitFor(async () => (await done(ofOne.app)) && (await done(batched.app)), { what: 'every event counted', timeoutMs: 30_000 });
    expect(await handled(batched.app)).toEqual(await handled(ofOne.app));
    expect(Object.entries(await handled(batched.app)).filter(([key]) => key.endsWith(' duplicate')).reduce((n, [, v]) => n + v, 0)).toBe(7);
  });

  it('answers the same over HTTP: who may register, their lists and the booth ranking', async () => {
    const [one, batch] = [await answers(ofOne), await answers(batched)];
    expect(batch).toEqual(one);
    expect(one).toMatchObject({
      booth: 201,
      registrations: [
        ['worker-s1', 422, 'WORKER_NOT_LOOKING'],
        ['worker-s2', 201, undefined],
        ['worker-s3', 201, undefined],
        ['worker-s4', 422, 'WORKER_UNKNOWN'],
      ],
      lists: [
        ['worker-s2', [{ vacancyId: 'vacancy-sa', vacancyTitle: 'Công nhân lắp ráp điện tử', score: 0.88 }, { vacancyId: 'vacancy-sb', vacancyTitle: 'Thợ hàn bậc 3', score: 0.45 }]],
        ['worker-s3', [{ vacancyId: 'vacancy-sa', score: 0.75 }]],
      ],
      attendees: [{ vacancyId: 'vacancy-sa', score: 0.88 }, { vacancyId: 'vacancy-sa', score: 0.75 }],
    });
  });
});
