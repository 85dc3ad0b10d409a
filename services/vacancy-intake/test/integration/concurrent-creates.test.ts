import { vacanciesTopic } from '@ketnoi/contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aVacancyInput } from '../mothers.js';
import { bearer, employerSession, readEvents, registerEmployer, startService, type TestService } from '../helpers.js';

describe('concurrent POST /v1/vacancies, on the real broker and FerretDB', () => {
  let service: TestService;
  let employerId: string;
  let token: string;

  beforeAll(async () => {
    service = await startService();
    employerId = await registerEmployer(service);
    ({ token } = await employerSession(service, employerId));
  });
  afterAll(() => service?.close());

  it('answers each of many concurrent POSTs with its own stored vacancy and publishes each vacancy.opened once', async () => {
    const titles = Array.from({ length: 12 }, (_, n) => `Công nhân đóng gói ca ${n + 1}`);
    const answers = await Promise.all(
      titles.map((title) =>
        service.app.inject({
          method: 'POST',
          url: '/v1/vacancies',
          headers: { ...bearer(token), 'idempotency-key': randomUUID() },
          payload: aVacancyInput({ title }) as object,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(titles.map(() => 201));
    const created = answers.map((a) => a.json<{ vacancyId: string; version: number; terms: { title: string } }>());
    expect(new Set(created.map((v) => v.vacancyId)).size).toBe(titles.length);
    expect(created.map((v) => v.terms.title)).toEqual(titles);

    for (const [index, vacancy] of created.entries()) {
      const read = await service.app.inject({ method: 'GET', url: `/v1/vacancies/${vacancy.vacancyId}`, headers: bearer(token) });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(answers[index]!.json());
    }

    const topic = await readEvents(service, vacanciesTopic.name);
    const events = await topic.waitFor(titles.length);
    await topic.reader.stop();
    expect(events.map((e) => e.subject).sort()).toEqual(created.map((v) => v.vacancyId).sort());
    expect(events.every((e) => e.type === 'vacancy.opened' && e.data.version === 1)).toBe(true);
  });
});
