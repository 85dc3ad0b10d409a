import { dlqTopicName, jobFairsTopic, matchesTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, startService } from '../helpers.js';
import { aMatch, aVacancy, aWorker } from '../mothers.js';

interface Envelope {
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

const EMPLOYER = 'employer-edge';
const ids = Array.from({ length: 6 }, (_, i) => `worker-edge-${i + 1}`);
const fairBody = (capacity: number) => ({
  title: 'Phiên giao dịch việc làm lưu động xã Đại Từ',
  theme: 'after-military-service',
  format: 'in-person',
  startsAt: '2026-12-05T01:00:00.000Z',
  endsAt: '2026-12-05T05:00:00.000Z',
  venue: { kind: 'commune', name: 'Nhà văn hoá xã Đại Từ', communeCode: '05443' },
  capacity,
});

describe('job fair edges: capacity, self-service, cancellation, bad input, restart and reminders', () => {
  let svc: Awaited<ReturnType<typeof startService>>;
  let restarted: Awaited<ReturnType<typeof startService>> | undefined;
  let fairEvents: Awaited<ReturnType<typeof readTopic>>;
  let fullFairId: string;
  const events = () => fairEvents.messages.map((m) => JSON.parse(m.value ?? '{}') as Envelope);
  const call = async (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    svc.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    svc = await startService();
    await publish(svc.suffix, vacanciesTopic, [{ type: 'vacancy.opened', subject: 'vacancy-edge', data: aVacancy({ vacancyId: 'vacancy-edge', employerId: EMPLOYER }) }]);
    await publish(svc.suffix, workersTopic, ids.map((workerId) => ({ type: 'worker.registered' as const, subject: workerId, data: aWorker({ workerId }) })));
    await publish(svc.suffix, matchesTopic, ids.map((workerId, i) => ({ type: 'match.proposed' as const, subject: 'vacancy-edge', data: aMatch('vacancy-edge', workerId, 0.9 - i / 10, i + 1) })));
    const p = svc.app.jobfairs.projections;
    await waitFor(() => p.workers.size === 6 && p.vacancies.size === 1 && p.match('vacancy-edge', ids[5]!), { what: 'projections', timeoutMs: 45_000 });
    fairEvents = await readTopic(testKafka(), svc.topic(jobFairsTopic.name));
  });

  afterAll(async () => {
    await fairEvents?.stop();
    await restarted?.close();
  });

  it('never registers more workers than the capacity, even all at once', async () => {
    const staff = await svc.bearer();
    fullFairId = (await call('POST', '/v1/fairs', staff, fairBody(3))).json<{ fairId: string }>().fairId;
    const responses = await Promise.all(ids.map((workerId) => call('POST', `/v1/fairs/${fullFairId}/registrations`, staff, { workerId })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 409, 409, 409]);
    expect(responses.filter((r) => r.statusCode === 409).every((r) => r.json<{ code: string }>().code === 'FAIR_FULL')).toBe(true);
    const seats = responses.filter((r) => r.statusCode === 201).map((r) => r.json<{ seat: number }>().seat);
    expect(seats.sort()).toEqual([1, 2, 3]);
    const booth = await call('POST', `/v1/fairs/${fullFairId}/booths`, await svc.bearer(['employer'], EMPLOYER), { employerName: 'Công ty May Đại Từ', label: 'A1', vacancyIds: ['vacancy-edge'] });
    expect(booth.statusCode).toBe(201);
  });

  it('lets a worker register, share, see their list and QR, and book by link; a cancelled interview frees its slot', async () => {
    const staff = await svc.bearer();
    const employer = await svc.bearer(['employer'], EMPLOYER);
    const fairId = (await call('POST', '/v1/fairs', staff, fairBody(10))).json<{ fairId: string }>().fairId;
    const boothId = (await call('POST', `/v1/fairs/${fairId}/booths`, employer, { employerName: 'Công ty May Đại Từ', label: 'C3', vacancyIds: ['vacancy-edge'] })).json<{ boothId: string }>().boothId;
    const slots = (
      await call('POST', `/v1/booths/${boothId}/slots`, employer, {
        slots: [
          { startsAt: '2026-12-05T02:00:00.000Z', endsAt: '2026-12-05T02:20:00.000Z' },
          { startsAt: '2026-12-05T02:10:00.000Z', endsAt: '2026-12-05T02:30:00.000Z' },
        ],
      })
    )
      .json<{ items: { slotId: string; startsAt: string }[] }>()
      .items.sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((s) => s.slotId);

    const link = { 'x-jobfair-link': (await call('POST', `/v1/fairs/${fairId}/self-service-links`, staff, { workerId: ids[0] })).json<{ token: string }>().token };
    expect((await call('POST', '/v1/self-service/registration', link)).statusCode).toBe(201);
    expect((await call('POST', '/v1/self-service/consent', link)).json()).toMatchObject({ consentShared: true, workerId: ids[0] });
    expect((await call('GET', '/v1/self-service/recommendations', link)).json()).toMatchObject({ items: [{ rank: 1, boothLabel: 'C3', score: 0.9 }] });
    const svg = await call('GET', '/v1/self-service/qr?format=svg', link);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body).toContain('<svg');

    const mine = await call('POST', '/v1/self-service/bookings', link, { slotId: slots[0] });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ place: 'Nhà văn hoá xã Đại Từ (C3)', mode: 'in-person' });
    expect((await call('POST', '/v1/self-service/bookings', link, { slotId: slots[1] })).json()).toMatchObject({ code: 'WORKER_BUSY' });

    const other = (await call('POST', `/v1/fairs/${fairId}/registrations`, staff, { workerId: ids[1] })).json<{ registrationId: string }>().registrationId;
    expect((await call('POST', `/v1/slots/${slots[0]}/bookings`, staff, { registrationId: other })).json()).toMatchObject({ code: 'SLOT_TAKEN' });
    const interviewId = mine.json<{ interviewId: string }>().interviewId;
    expect((await call('POST', `/v1/interviews/${interviewId}/cancel`, await svc.bearer(['employer'], 'employer-else'), {})).statusCode).toBe(404);
    expect((await call('POST', `/v1/interviews/${interviewId}/cancel`, employer, {})).json()).toMatchObject({ status: 'cancelled' });
    expect((await call('POST', `/v1/slots/${slots[0]}/bookings`, staff, { registrationId: other })).statusCode).toBe(201);
    await waitFor(() => events().some((e) => e.type === 'jobfair.interview.cancelled' && e.data.reason === 'employer-cancelled'), { what: 'cancellation notice' });

    // The worker books the other slot and cancels it themselves; nobody else's link can.
    const again = (await call('POST', '/v1/self-service/bookings', link, { slotId: slots[1] })).json<{ interviewId: string }>().interviewId;
    const otherLink = { 'x-jobfair-link': (await call('POST', `/v1/fairs/${fairId}/self-service-links`, staff, { workerId: ids[1] })).json<{ token: string }>().token };
    expect((await call('POST', `/v1/self-service/interviews/${again}/cancel`, otherLink)).statusCode).toBe(404);
    expect((await call('POST', `/v1/self-service/interviews/${again}/cancel`, link)).json()).toMatchObject({ status: 'cancelled' });
    await waitFor(() => events().some((e) => e.type === 'jobfair.interview.cancelled' && e.data.reason === 'worker-cancelled'), { what: 'worker cancellation notice' });

    // Cancelling the fair cancels its remaining interview and closes registration.
    expect((await call('POST', `/v1/fairs/${fairId}/cancel`, staff)).json()).toMatchObject({ status: 'cancelled' });
    await waitFor(() => events().some((e) => e.type === 'jobfair.interview.cancelled' && e.data.reason === 'fair-cancelled'), { what: 'fair cancellation notice' });
    expect(events().some((e) => e.type === 'jobfair.cancelled' && e.subject === fairId)).toBe(true);
    expect((await call('POST', `/v1/fairs/${fairId}/registrations`, staff, { workerId: ids[2] })).statusCode).toBe(409);
  });

  it('keeps slots and workers clash-free when everyone books everything at once', async () => {
    const staff = await svc.bearer();
    const employer = await svc.bearer(['employer'], EMPLOYER);
    const fairId = (await call('POST', '/v1/fairs', staff, fairBody(10))).json<{ fairId: string }>().fairId;
    const boothId = (await call('POST', `/v1/fairs/${fairId}/booths`, employer, { employerName: 'Công ty May Đại Từ', label: 'D1', vacancyIds: ['vacancy-edge'] })).json<{ boothId: string }>().boothId;
    const starts = ['02:00', '02:10', '02:20', '02:30'];
    const published = await call('POST', `/v1/booths/${boothId}/slots`, employer, {
      slots: starts.map((hhmm) => ({ startsAt: `2026-12-05T${hhmm}:00.000Z`, endsAt: new Date(Date.parse(`2026-12-05T${hhmm}:00.000Z`) + 20 * 60_000).toISOString() })),
    });
    const slotIds = published.json<{ items: { slotId: string }[] }>().items.map((slot) => slot.slotId);
    const registrationIds: string[] = [];
    for (const workerId of ids.slice(0, 5)) {
      registrationIds.push((await call('POST', `/v1/fairs/${fairId}/registrations`, staff, { workerId })).json<{ registrationId: string }>().registrationId);
    }
    const attempts = registrationIds.flatMap((registrationId) => slotIds.map((slotId) => ({ registrationId, slotId })));
    const responses = await Promise.all(attempts.map((a) => call('POST', `/v1/slots/${a.slotId}/bookings`, staff, { registrationId: a.registrationId })));
    expect(responses.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    const booked = responses.filter((r) => r.statusCode === 201).map((r) => r.json<{ slotId: string; workerId: string; startsAt: string; endsAt: string }>());
    expect(booked.length).toBeGreaterThan(0);
    expect(new Set(booked.map((b) => b.slotId)).size).toBe(booked.length);
    for (const b of booked) {
      const clashes = booked.filter((o) => o !== b && o.workerId === b.workerId && o.startsAt < b.endsAt && b.startsAt < o.endsAt);
      expect(clashes).toEqual([]);
    }
    const stored = (await call('GET', `/v1/booths/${boothId}/interviews`, staff)).json<{ items: { slotId: string }[] }>().items;
    expect(stored.map((i) => i.slotId).sort()).toEqual(booked.map((b) => b.slotId).sort());
  });

  it('documents its API at /docs', async () => {
    const docs = await svc.app.inject({ method: 'GET', url: '/docs/json' });
    const paths = Object.keys(docs.json<{ paths: Record<string, unknown> }>().paths);
    for (const path of ['/v1/fairs', '/v1/booths/{boothId}/attendees', '/v1/slots/{slotId}/bookings', '/v1/fairs/{fairId}/report', '/v1/self-service/bookings']) {
      expect(paths).toContain(path);
    }
  });

  it('sends a malformed upstream event to the dead-letter topic with its reason', async () => {
    const dlq = await readTopic(testKafka(), dlqTopicName(svc.topic(workersTopic.name)));
    const producer = testKafka().producer();
    await producer.connect();
    const bad = { specversion: '1.0', id: 'bad-1', source: '/test', type: 'worker.registered', time: new Date().toISOString(), subject: 'worker-bad', data: { workerId: 'worker-bad' } };
    await producer.send({ topic: svc.topic(workersTopic.name), messages: [{ key: 'worker-bad', value: JSON.stringify(bad) }] });
    await producer.disconnect();
    await dlq.waitForCount(1);
    await dlq.stop();
    expect(dlq.messages[0]!.headers['ketnoi-dlq-reason']).toMatch(/data/);
    expect(svc.app.jobfairs.projections.workers.has('worker-bad')).toBe(false);
  });

  it('applies erasures and withdrawals and ignores stale versions', async () => {
    await publish(svc.suffix, workersTopic, [
      { type: 'worker.updated', subject: ids[0]!, data: aWorker({ workerId: ids[0], status: 'not-looking' }) },
      { type: 'worker.erased', subject: ids[5]!, data: { workerId: ids[5]!, version: 2, erasedAt: '2026-11-25T00:00:00.000Z' } },
    ]);
    await publish(svc.suffix, matchesTopic, [
      { type: 'match.withdrawn', subject: 'vacancy-edge', data: { matchId: `vacancy-edge:${ids[4]}`, vacancyId: 'vacancy-edge', workerId: ids[4]!, reason: 'outranked', at: '2026-11-21T00:00:00.000Z' } },
    ]);
    const p = svc.app.jobfairs.projections;
    await waitFor(() => !p.workers.has(ids[5]!) && !p.match('vacancy-edge', ids[4]!), { what: 'erasure and withdrawal' });
    expect(p.match('vacancy-edge', ids[5]!)).toBeUndefined();
    expect(p.workers.get(ids[0]!)?.status).toBe('looking');
  });

  it('rebuilds its projections from its own database after a restart, and sends reminders when a fair draws near', async () => {
    await svc.close({ keepDatabase: true });
    // New, empty topics: whatever the restarted service knows comes from its database.
    restarted = await startService({
      dbName: svc.dbName,
      issuer: svc.issuer,
      env: { REMINDER_LEAD_HOURS: '48', REMINDER_SWEEP_MS: '200', RATE_LIMIT_MAX: '5' },
      now: () => new Date('2026-12-04T02:00:00.000Z'),
    });
    const p = restarted.app.jobfairs.projections;
    expect([p.workers.size, p.vacancies.size, p.match('vacancy-edge', ids[0]!)?.score]).toEqual([5, 1, 0.9]);
    expect([p.workers.has(ids[5]!), p.match('vacancy-edge', ids[4]!), p.match('vacancy-edge', ids[5]!)]).toEqual([false, undefined, undefined]);
    const registered = (
      await restarted.app.inject({ method: 'GET', url: `/v1/fairs/${fullFairId}/registrations`, headers: await restarted.bearer() })
    ).json<{ items: { registrationId: string; workerId: string }[] }>().items;
    expect(registered).toHaveLength(3);
    const kept = registered.find((r) => ids.slice(0, 4).includes(r.workerId))!;
    const list = await restarted.app.inject({ method: 'GET', url: `/v1/registrations/${kept.registrationId}/recommendations`, headers: await restarted.bearer() });
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);

    const reminders = await readTopic(testKafka(), restarted.topic(jobFairsTopic.name));
    // Both still-scheduled fairs start within 48 h: the full one (3 workers) and the one of the booking storm (5).
    await waitFor(() => reminders.messages.length >= 8, { what: 'reminders of the near fairs' });
    const all = reminders.messages.map((m) => JSON.parse(m.value ?? '{}') as Envelope);
    await reminders.stop();
    expect(all.every((e) => e.type === 'jobfair.reminder')).toBe(true);
    const sent = all.filter((e) => e.subject === fullFairId);
    expect(sent.every((e) => e.data.kind === 'fair')).toBe(true);
    expect(sent.map((e) => e.data.workerId).sort()).toEqual(registered.map((r) => r.workerId).sort());
    expect(sent[0]!.data).toMatchObject({ place: 'Nhà văn hoá xã Đại Từ', startsAt: '2026-12-05T01:00:00.000Z' });
  });

  it('limits each client to RATE_LIMIT_MAX requests per window', async () => {
    const server = restarted!;
    const staff = await server.bearer(); // the same subject as the two requests above
    const codes: number[] = [];
    for (let i = 0; i < 4; i += 1) codes.push((await server.app.inject({ method: 'GET', url: '/v1/fairs', headers: staff })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const limited = await server.app.inject({ method: 'GET', url: '/v1/fairs', headers: staff });
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await server.app.inject({ method: 'GET', url: '/v1/fairs', headers: await server.bearer(['employer'], EMPLOYER) })).statusCode).toBe(200);
  });
});
