import { jobFairsTopic, matchesTopic, placementsTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, startService, type TestService } from '../helpers.js';
import { aMatch, aVacancy, aWorker, noPriority } from '../mothers.js';

interface Envelope {
  type: string;
  subject: string;
  data: Record<string, unknown>;
}
interface Interview {
  interviewId: string;
  slotId: string;
  boothId: string;
  registrationId: string;
  workerId?: string;
  startsAt: string;
  endsAt: string;
  mode: string;
  status: string;
  candidateRef: string;
}

const EMPLOYER_A = 'employer-aaaa';
const EMPLOYER_B = 'employer-bbbb';
const vacancies = [
  aVacancy({ vacancyId: 'vacancy-a1', employerId: EMPLOYER_A }, 'Công nhân lắp ráp linh kiện'),
  aVacancy({ vacancyId: 'vacancy-a2', employerId: EMPLOYER_A }, 'Kỹ thuật viên kiểm tra chất lượng'),
  aVacancy({ vacancyId: 'vacancy-b1', employerId: EMPLOYER_B }, 'Nhân viên vận hành máy SMT'),
];
const ids = Array.from({ length: 12 }, (_, i) => `worker-${String(i + 1).padStart(2, '0')}`);
const groups: (keyof typeof noPriority)[] = ['backFromAbroad', 'demobilised', 'youth', 'ethnicMinority'];
const workers = ids.map((workerId, i) =>
  aWorker({ workerId, priority: { ...noPriority, ...(i % 3 === 0 ? { [groups[(i / 3) % 4]!]: true } : {}) } }),
);
const notLooking = aWorker({ workerId: 'worker-idle', status: 'not-looking' });

// matching's scores: every worker matches a1; even ones a2; two in three b1.
const scoreOf = (vacancyId: string, i: number): number | undefined => {
  if (vacancyId === 'vacancy-a1') return 0.5 + ((i * 7) % 10) / 20;
  if (vacancyId === 'vacancy-a2') return i % 2 === 0 ? 0.42 + ((i * 3) % 10) / 25 : undefined;
  return i % 3 === 0 ? undefined : 0.45 + ((i * 5) % 10) / 20 + i / 1000;
};
const matches = vacancies.flatMap((v) =>
  ids.flatMap((workerId, i) => {
    const score = scoreOf(v.vacancyId, i);
    return score === undefined ? [] : [aMatch(v.vacancyId, workerId, score, 1)];
  }),
);
const best = (vacancyIds: string[], i: number) => Math.max(...vacancyIds.map((v) => scoreOf(v, i) ?? -1));

const FAIR_START = '2026-12-05T01:00:00.000Z';
const FAIR_END = '2026-12-05T05:00:00.000Z';
const at = (hhmm: string) => `2026-12-05T${hhmm}:00.000Z`;
const after = (minutes: number) => new Date(Date.parse(at('02:00')) + minutes * 60_000).toISOString();

describe('a job fair with two employers and a dozen workers, on the real broker and FerretDB', () => {
  let svc: TestService;
  let fairEvents: Awaited<ReturnType<typeof readTopic>>;
  let placements: Awaited<ReturnType<typeof readTopic>>;
  let fairId: string;
  const booths: Record<string, string> = {};
  const registrations: Record<string, string> = {};
  const perBooth = { A: 0, B: 0 };
  let scheduled = 0;
  const events = () => fairEvents.messages.map((m) => JSON.parse(m.value ?? '{}') as Envelope);
  const staff = () => svc.bearer(['staff']);
  const employer = (id: string) => svc.bearer(['employer'], id);
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) =>
    svc.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    svc = await startService();
    await publish(svc.suffix, vacanciesTopic, vacancies.map((data) => ({ type: 'vacancy.opened' as const, subject: data.vacancyId, data })));
    await publish(svc.suffix, workersTopic, [...workers, notLooking].map((data) => ({ type: 'worker.registered' as const, subject: data.workerId, data })));
    await publish(svc.suffix, matchesTopic, matches.map((data) => ({ type: 'match.proposed' as const, subject: data.vacancyId, data })));
    const projections = svc.app.jobfairs.projections;
    await waitFor(() => projections.workers.size === 13 && projections.vacancies.size === 3 && matches.every((m) => projections.match(m.vacancyId, m.workerId)), {
      what: 'projections of workers, vacancies and matches',
      timeoutMs: 45_000,
    });
    fairEvents = await readTopic(testKafka(), svc.topic(jobFairsTopic.name));
    placements = await readTopic(testKafka(), svc.topic(placementsTopic.name));
  });

  afterAll(async () => {
    await fairEvents?.stop();
    await placements?.stop();
    await svc?.close();
  });

  it('lets staff schedule a hybrid fair at an industrial park, and nobody else', async () => {
    const body = {
      title: 'Phiên giao dịch việc làm chuyên đề điện tử FDI',
      theme: 'fdi-electronics',
      format: 'hybrid',
      startsAt: FAIR_START,
      endsAt: FAIR_END,
      venue: { kind: 'industrial-park', name: 'KCN Yên Bình', address: 'Phổ Yên, Thái Nguyên', industrialParkCode: 'kcn-yen-binh' },
      onlineLink: 'https://meet.example.vn/jobfair-fdi',
      capacity: 20,
    };
    expect((await call('POST', '/v1/fairs', await employer(EMPLOYER_A), body)).statusCode).toBe(403);
    const noLink = await call('POST', '/v1/fairs', await staff(), { ...body, onlineLink: undefined });
    expect(noLink.statusCode).toBe(400);
    const created = await call('POST', '/v1/fairs', await staff(), body);
    expect(created.statusCode).toBe(201);
    fairId = created.json<{ fairId: string }>().fairId;
    expect(created.json()).toMatchObject({ status: 'scheduled', version: 1, capacity: 20 });
  });

  it('lets each employer register a booth with its own open vacancies only', async () => {
    const stolen = await call('POST', `/v1/fairs/${fairId}/booths`, await employer(EMPLOYER_B), { employerName: 'B', label: 'B1', vacancyIds: ['vacancy-a1'] });
    expect(stolen.statusCode).toBe(422);
    expect(stolen.headers['content-type']).toContain('application/problem+json');
    const a = await call('POST', `/v1/fairs/${fairId}/booths`, await employer(EMPLOYER_A), {
      employerName: 'Công ty TNHH Điện tử A',
      label: 'A1',
      vacancyIds: ['vacancy-a1', 'vacancy-a2'],
      employerId: EMPLOYER_B, // ignored: an employer's token names its employer
    });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ employerId: EMPLOYER_A });
    const b = await call('POST', `/v1/fairs/${fairId}/booths`, await staff(), { employerId: EMPLOYER_B, employerName: 'Công ty B Vina', label: 'B1', vacancyIds: ['vacancy-b1'] });
    expect(b.statusCode).toBe(201);
    booths.A = a.json<{ boothId: string }>().boothId;
    booths.B = b.json<{ boothId: string }>().boothId;
    const again = await call('POST', `/v1/fairs/${fairId}/booths`, await employer(EMPLOYER_A), { employerName: 'A', label: 'A9', vacancyIds: ['vacancy-a1'] });
    expect(again.statusCode).toBe(409);
  });

  it('registers eleven workers at the desk and one through a self-service link, once each, only if looking', async () => {
    for (const workerId of ids.slice(0, 11)) {
      const response = await call('POST', `/v1/fairs/${fairId}/registrations`, await staff(), { workerId });
      expect(response.statusCode).toBe(201);
      registrations[workerId] = response.json<{ registrationId: string }>().registrationId;
    }
    const link = await call('POST', `/v1/fairs/${fairId}/self-service-links`, await staff(), { workerId: ids[11] });
    const { token } = link.json<{ token: string }>();
    expect((await call('POST', '/v1/self-service/registration', { 'x-jobfair-link': `${token}x` })).statusCode).toBe(401);
    const self = await call('POST', '/v1/self-service/registration', { 'x-jobfair-link': token });
    expect(self.statusCode).toBe(201);
    expect(self.json()).toMatchObject({ channel: 'self-service', workerId: ids[11] });
    registrations[ids[11]!] = self.json<{ registrationId: string }>().registrationId;

    expect((await call('POST', `/v1/fairs/${fairId}/registrations`, await staff(), { workerId: ids[0] })).statusCode).toBe(409);
    const idle = await call('POST', `/v1/fairs/${fairId}/registrations`, await staff(), { workerId: 'worker-idle' });
    expect(idle.statusCode).toBe(422);
    expect(idle.json()).toMatchObject({ code: 'WORKER_NOT_LOOKING' });
    const list = await call('GET', `/v1/fairs/${fairId}/registrations`, await staff());
    expect(list.json<{ items: { seat: number }[] }>().items.map((r) => r.seat)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("gives each worker the fair's vacancies ranked by their match", async () => {
    for (const [i, workerId] of ids.entries()) {
      const response = await call('GET', `/v1/registrations/${registrations[workerId]}/recommendations`, await staff());
      const items = response.json<{ items: { vacancyId: string; score: number; boothId: string; vacancyTitle: string }[] }>().items;
      const expected = vacancies
        .map((v) => ({ vacancyId: v.vacancyId, score: scoreOf(v.vacancyId, i) }))
        .filter((v) => v.score !== undefined)
        .sort((x, y) => y.score! - x.score! || x.vacancyId.localeCompare(y.vacancyId));
      expect(items.map((r) => r.vacancyId)).toEqual(expected.map((e) => e.vacancyId));
      expect(items.map((r) => r.score)).toEqual(expected.map((e) => e.score));
    }
    const first = await call('GET', '/v1/self-service/recommendations', {
      'x-jobfair-link': (await call('POST', `/v1/fairs/${fairId}/self-service-links`, await staff(), { workerId: ids[1] })).json<{ token: string }>().token,
    });
    expect(first.json<{ items: { vacancyTitle: string; boothId: string }[] }>().items.map((r) => [r.boothId, r.vacancyTitle])).toEqual([
      [booths.A, 'Công nhân lắp ráp linh kiện'],
      [booths.B, 'Nhân viên vận hành máy SMT'],
    ]);
  });

  it('shows a booth its attendees ranked, pseudonymous until a worker agrees to share', async () => {
    const response = await call('GET', `/v1/booths/${booths.A}/attendees`, await staff());
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: { registrationId: string; score: number; candidateRef: string }[] }>().items;
    const expected = ids
      .map((workerId, i) => ({ registrationId: registrations[workerId]!, score: best(['vacancy-a1', 'vacancy-a2'], i) }))
      .sort((x, y) => y.score - x.score || x.registrationId.localeCompare(y.registrationId));
    expect(items.map((c) => c.registrationId)).toEqual(expected.map((e) => e.registrationId));
    const cards = (await call('GET', `/v1/booths/${booths.A}/attendees`, await employer(EMPLOYER_A))).json<{ items: { candidateRef: string; score: number }[] }>().items;
    expect(cards.map((c) => [c.candidateRef, c.score])).toEqual(items.map((c) => [c.candidateRef, c.score]));
    expect(cards.every((c) => Object.keys(c).sort().join() === 'candidateRef,checkedIn,factors,rank,score,shared,vacancyId')).toBe(true);
    expect((await call('GET', `/v1/booths/${booths.A}/attendees`, await employer(EMPLOYER_B))).statusCode).toBe(404);

    expect((await call('POST', `/v1/registrations/${registrations[ids[4]!]}/consent`, await staff())).json()).toMatchObject({ consentShared: true });
    const after = (await call('GET', `/v1/booths/${booths.A}/attendees`, await employer(EMPLOYER_A))).json<{ items: { registrationId?: string; workerId?: string; profile?: object }[] }>();
    const shared = after.items.filter((c) => c.workerId !== undefined);
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ workerId: ids[4], registrationId: registrations[ids[4]!], profile: { qualification: 'intermediate' } });
    expect(after.items.filter((c) => c.registrationId !== undefined)).toHaveLength(1);
  });

  it('publishes slots on the grid and books without double-booking a slot or a worker, even under concurrency', async () => {
    // A: 6 ten-minute slots from 02:00; B: 6 from 02:05, so each A slot overlaps two B slots.
    const slotsA = Array.from({ length: 6 }, (_, k) => ({ startsAt: after(k * 10), endsAt: after(k * 10 + 10) }));
    const slotsB = Array.from({ length: 6 }, (_, k) => ({
      startsAt: after(k * 10 + 5),
      endsAt: after(k * 10 + 15),
      mode: k % 2 === 0 ? 'online' : 'in-person',
      ...(k % 2 === 0 ? { meetingLink: `https://meet.example.vn/b-${k}` } : {}),
    }));
    expect((await call('POST', `/v1/booths/${booths.A}/slots`, await employer(EMPLOYER_A), { slots: [{ startsAt: at('02:03'), endsAt: at('02:13') }] })).statusCode).toBe(422);
    expect((await call('POST', `/v1/booths/${booths.A}/slots`, await employer(EMPLOYER_B), { slots: slotsA })).statusCode).toBe(404);
    const a = await call('POST', `/v1/booths/${booths.A}/slots`, await employer(EMPLOYER_A), { slots: slotsA });
    const b = await call('POST', `/v1/booths/${booths.B}/slots`, await employer(EMPLOYER_B), { slots: slotsB });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const idsA = a.json<{ items: { slotId: string; startsAt: string }[] }>().items.sort((x, y) => x.startsAt.localeCompare(y.startsAt)).map((s) => s.slotId);
    const idsB = b.json<{ items: { slotId: string; startsAt: string }[] }>().items.sort((x, y) => x.startsAt.localeCompare(y.startsAt)).map((s) => s.slotId);

    // Two workers race for one slot: exactly one gets it.
    const race = await Promise.all(
      [ids[0], ids[1]].map(async (w) => call('POST', `/v1/slots/${idsA[0]}/bookings`, await staff(), { registrationId: registrations[w!] })),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(race.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'SLOT_TAKEN' });

    // One worker booked at once into overlapping slots at A (02:10-02:20) and B (02:15-02:25): exactly one holds.
    const clash = await Promise.all([
      call('POST', `/v1/slots/${idsA[1]}/bookings`, await staff(), { registrationId: registrations[ids[2]!] }),
      call('POST', `/v1/slots/${idsB[1]}/bookings`, await staff(), { registrationId: registrations[ids[2]!] }),
    ]);
    expect(clash.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(clash.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'WORKER_BUSY' });

    // Staff let the rest be scheduled: two interviews each at most, never clashing.
    const scheduled = await call('POST', `/v1/fairs/${fairId}/schedule`, await staff(), { perWorker: 2 });
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json<{ booked: number }>().booked).toBeGreaterThan(5);
  });

  it('keeps every interview clash-free and sends an invitation for each, with a place or a meeting link', async () => {
    const list = async (boothId: string, token: { authorization: string }) =>
      (await call('GET', `/v1/booths/${boothId}/interviews`, token)).json<{ items: Interview[] }>().items;
    const all = [...(await list(booths.A!, await staff())), ...(await list(booths.B!, await staff()))].filter((i) => i.status === 'scheduled');
    scheduled = all.length;
    expect(new Set(all.map((i) => i.slotId)).size).toBe(all.length);
    for (const i of all) {
      const others = all.filter((o) => o !== i && o.workerId === i.workerId);
      expect(others.every((o) => o.endsAt <= i.startsAt || i.endsAt <= o.startsAt)).toBe(true);
    }
    // The scheduler left no slot free that a matching worker with room for another interview could have taken.
    const slots = [booths.A!, booths.B!].map(async (boothId) => ({
      boothId,
      items: (await call('GET', `/v1/booths/${boothId}/slots`, await staff())).json<{ items: { slotId: string; startsAt: string; endsAt: string; booked: boolean }[] }>().items,
    }));
    for (const { boothId, items } of await Promise.all(slots)) {
      const vacancyIds = boothId === booths.A ? ['vacancy-a1', 'vacancy-a2'] : ['vacancy-b1'];
      for (const free of items.filter((slot) => !slot.booked)) {
        const couldTake = ids.filter((workerId, i) => {
          const mine = all.filter((o) => o.workerId === workerId);
          return best(vacancyIds, i) > 0 && mine.length < 2 && !mine.some((o) => o.boothId === boothId) && mine.every((o) => o.endsAt <= free.startsAt || free.endsAt <= o.startsAt);
        });
        expect(couldTake).toEqual([]);
      }
    }
    expect(all.filter((i) => i.boothId === booths.A).length).toBeGreaterThanOrEqual(5);
    expect(all.filter((i) => i.boothId === booths.B).length).toBeGreaterThanOrEqual(3);
    perBooth.A = all.filter((i) => i.boothId === booths.A).length;
    perBooth.B = all.filter((i) => i.boothId === booths.B).length;
    const asEmployer = await list(booths.A!, await employer(EMPLOYER_A));
    expect(asEmployer.filter((i) => i.workerId !== undefined).every((i) => i.registrationId === registrations[ids[4]!])).toBe(true);

    await waitFor(() => events().filter((e) => e.type === 'jobfair.interview.scheduled').length === scheduled, { what: 'an invitation per interview' });
    const invitations = events().filter((e) => e.type === 'jobfair.interview.scheduled');
    expect(invitations.every((e) => e.subject === fairId)).toBe(true);
    for (const e of invitations) {
      expect(e.data).toMatchObject({ fairTitle: 'Phiên giao dịch việc làm chuyên đề điện tử FDI', vacancyTitle: expect.any(String), employerName: expect.any(String) });
      if (e.data.mode === 'online') expect(String(e.data.meetingLink)).toMatch(/^https:\/\/meet\.example\.vn\/b-/);
      else expect(e.data.place).toBe('KCN Yên Bình, Phổ Yên, Thái Nguyên (A1)'.replace('(A1)', `(${String(e.data.boothLabel)})`));
    }
    expect(fairEvents.messages.every((m) => m.key === fairId)).toBe(true);
  });

  it('sends each reminder once', async () => {
    const first = await call('POST', `/v1/fairs/${fairId}/reminders`, await staff());
    expect(first.json()).toEqual({ sent: 12 + scheduled, alreadySent: 0 });
    const second = await call('POST', `/v1/fairs/${fairId}/reminders`, await staff());
    expect(second.json()).toEqual({ sent: 0, alreadySent: 12 + scheduled });
    await waitFor(() => events().filter((e) => e.type === 'jobfair.reminder').length === 12 + scheduled, { what: 'reminders' });
    const interviewReminders = events().filter((e) => e.type === 'jobfair.reminder' && e.data.kind === 'interview');
    expect(interviewReminders).toHaveLength(scheduled);
    expect(interviewReminders.every((e) => typeof e.data.interviewId === 'string' && typeof e.data.employerName === 'string')).toBe(true);
  });

  it('checks attendees in by their signed QR code, once each', async () => {
    const png = await call('GET', `/v1/registrations/${registrations[ids[0]!]}/qr`, await staff());
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    for (const workerId of ids.slice(0, 9)) {
      const code = (await call('GET', `/v1/registrations/${registrations[workerId]}/qr?format=text`, await staff())).body;
      const response = await call('POST', `/v1/fairs/${fairId}/check-ins`, await staff(), { code });
      expect(response.json()).toMatchObject({ alreadyCheckedIn: false, registration: { workerId } });
    }
    const code = (await call('GET', `/v1/registrations/${registrations[ids[0]!]}/qr?format=text`, await staff())).body;
    expect((await call('POST', `/v1/fairs/${fairId}/check-ins`, await staff(), { code })).json()).toMatchObject({ alreadyCheckedIn: true });
    const forged = await call('POST', `/v1/fairs/${fairId}/check-ins`, await staff(), { code: code.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) });
    expect(forged.statusCode).toBe(422);
    await waitFor(() => events().filter((e) => e.type === 'jobfair.checked-in').length === 9, { what: 'nine check-ins' });
  });

  it('records interviews held, offers and hires; a hire is a placement', async () => {
    const interviewsA = (await call('GET', `/v1/booths/${booths.A}/interviews`, await employer(EMPLOYER_A))).json<{ items: Interview[] }>().items;
    const interviewsB = (await call('GET', `/v1/booths/${booths.B}/interviews`, await employer(EMPLOYER_B))).json<{ items: Interview[] }>().items;
    const outcome = async (i: Interview, who: string, body: object) => call('POST', `/v1/interviews/${i.interviewId}/outcomes`, await employer(who), body);

    expect((await outcome(interviewsA[0]!, EMPLOYER_B, { outcome: 'interview-held' })).statusCode).toBe(404);
    expect((await outcome(interviewsA[0]!, EMPLOYER_A, { outcome: 'hired' })).statusCode).toBe(409);
    // Booth A: four held, one no-show; two offers; both hired. Booth B: three held, one hired directly.
    for (const i of interviewsA.slice(0, 4)) expect((await outcome(i, EMPLOYER_A, { outcome: 'interview-held' })).statusCode).toBe(201);
    expect((await outcome(interviewsA[4]!, EMPLOYER_A, { outcome: 'no-show' })).statusCode).toBe(201);
    for (const i of interviewsA.slice(0, 2)) expect((await outcome(i, EMPLOYER_A, { outcome: 'offer-made' })).statusCode).toBe(201);
    for (const i of interviewsA.slice(0, 2)) expect((await outcome(i, EMPLOYER_A, { outcome: 'hired', startDate: '2027-01-04', wageVnd: 8_500_000 })).statusCode).toBe(201);
    expect((await outcome(interviewsA[0]!, EMPLOYER_A, { outcome: 'hired' })).statusCode).toBe(200);
    for (const i of interviewsB.slice(0, 3)) expect((await outcome(i, EMPLOYER_B, { outcome: 'interview-held' })).statusCode).toBe(201);
    expect((await outcome(interviewsB[0]!, EMPLOYER_B, { outcome: 'hired' })).statusCode).toBe(201);

    await placements.waitForCount(3);
    const hires = placements.messages.map((m) => JSON.parse(m.value ?? '{}') as Envelope);
    expect(hires.every((h) => h.type === 'placement.recorded')).toBe(true);
    const hired = hires.map((h) => String(h.data.vacancyId));
    expect(hired.filter((v) => v === 'vacancy-b1')).toHaveLength(1);
    expect(hired.filter((v) => v.startsWith('vacancy-a'))).toHaveLength(2);
    expect(hires[0]!.data).toMatchObject({ version: 1, placementId: expect.stringMatching(/^plc_/) });
    await waitFor(() => events().filter((e) => e.type === 'jobfair.outcome-recorded').length === 4 + 1 + 2 + 2 + 3 + 1, { what: 'outcome events' });
  });

  it('reports the fair: attendance, interviews, offers and hires per booth, priority-group reach, as JSON, CSV and XLSX', async () => {
    expect((await call('GET', `/v1/fairs/${fairId}/report`, await employer(EMPLOYER_A))).statusCode).toBe(403);
    const report = (await call('GET', `/v1/fairs/${fairId}/report`, await svc.bearer(['analyst']))).json<{
      registered: number;
      checkedIn: number;
      totals: Record<string, number>;
      booths: { label: string; interviewsScheduled: number; interviewsHeld: number; noShows: number; offers: number; hires: number; matchedAttendees: number }[];
      priorityReach: { group: string; registered: number; checkedIn: number }[];
    }>();
    expect(report).toMatchObject({ registered: 12, checkedIn: 9 });
    expect(report.totals).toEqual({ interviewsScheduled: scheduled, interviewsHeld: 7, noShows: 1, offers: 3, hires: 3 });
    expect(report.booths.map((b) => [b.label, b.interviewsScheduled, b.interviewsHeld, b.noShows, b.offers, b.hires, b.matchedAttendees])).toEqual([
      ['A1', perBooth.A, 4, 1, 2, 2, 12],
      ['B1', perBooth.B, 3, 0, 1, 1, 8],
    ]);
    // Workers 1, 4, 7, 10 belong to one priority group each; the first nine checked in.
    const reach = Object.fromEntries(report.priorityReach.map((g) => [g.group, g]));
    expect(reach.any).toMatchObject({ registered: 4, checkedIn: 3 });
    expect(reach.backFromAbroad).toMatchObject({ registered: 1, checkedIn: 1 });
    expect(reach.ethnicMinority).toMatchObject({ registered: 1, checkedIn: 0 });

    const csv = await call('GET', `/v1/fairs/${fairId}/report?format=csv`, await staff());
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('section,key,label,registered,checkedIn,matchedAttendees,interviewsScheduled,interviewsHeld,noShows,offers,hires');
    expect(lines.find((l) => l.startsWith('total,'))).toBe(`total,${fairId},Phiên giao dịch việc làm chuyên đề điện tử FDI,12,9,,${scheduled},7,1,3,3`);

    const xlsx = await call('GET', `/v1/fairs/${fairId}/report?format=xlsx`, await staff());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Report')!;
    const total = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === 'total')!;
    expect([total.getCell(4).value, total.getCell(5).value, total.getCell(11).value]).toEqual([12, 9, 3]);
  });

  it('publishes only valid contract events, keyed by fair, with no personal data', async () => {
    await waitFor(() => events().some((e) => e.type === 'jobfair.consent-shared'), { what: 'consent event' });
    const types = new Set(events().map((e) => e.type));
    for (const type of ['jobfair.scheduled', 'jobfair.booth-registered', 'jobfair.worker-registered', 'jobfair.consent-shared']) expect(types.has(type)).toBe(true);
    for (const e of events()) {
      const definition = jobFairsTopic.events.find((d) => d.type === e.type)!;
      expect(definition.envelope.safeParse(e).success).toBe(true);
    }
    expect(fairEvents.messages.some((m) => /citizen|cccd|phone|fullName/i.test(m.value ?? ''))).toBe(false);
  });
});
