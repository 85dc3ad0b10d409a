import { employersTopic, matchesTopic, notificationsTopic, placementsTopic, vacanciesTopic, workerContactsTopic } from '@ketnoi/contracts';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aVacancy, aWorkerContact, anEmployer } from '../mothers.js';
import { clock, handledBy, startService, type TestService } from '../helpers.js';
import { startWebhookReceiver } from '../sinks.js';

const proposed = (vacancyId: string, workerId: string) => ({
  type: 'match.proposed' as const,
  subject: `${vacancyId}:${workerId}`,
  data: {
    matchId: `${vacancyId}:${workerId}`,
    vacancyId,
    workerId,
    score: 0.8,
    rank: 1,
    scoringVersion: 'v1',
    factors: [],
    boost: { groups: [], amount: 0 },
    at: clock.now!.toISOString(),
  },
});

const hired = (placementId: string, vacancyId: string, workerId: string, extra: { startDate?: string; matchId?: string } = {}) => ({
  type: 'placement.recorded' as const,
  subject: placementId,
  data: { placementId, version: 1, vacancyId, workerId, employerId: 'emp_test01', hiredAt: clock.now!.toISOString(), ...extra },
});

const contact = (workerId: string, phone: string, email: string) => ({
  type: 'worker-contact.updated' as const,
  subject: workerId,
  data: aWorkerContact({ workerId, phone, email }),
});

const vacancy = (vacancyId: string, title: string) => ({
  type: 'vacancy.opened' as const,
  subject: vacancyId,
  data: aVacancy({ vacancyId, terms: { title, communeCode: '05860' } as never }),
});

interface Notification {
  type: string;
  data: { notificationId: string; channel: string; template: string; suppressed?: string; final?: boolean; reason?: string };
}

describe('hires and daily digests, on the real broker, FerretDB, SMTP server and SMS gateway', () => {
  let service: TestService;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let notifications: Awaited<ReturnType<typeof readTopic>>;
  // Two relays may both publish one pending event (at least once): consumers keep one per id.
  const events = () => [...new Map(notifications.messages.map((m) => JSON.parse(m.value!) as Notification & { id: string }).map((e) => [e.id, e])).values()];
  const eventsOf = (key: string) => events().filter((e) => e.data.notificationId.startsWith(`${key}:`));
  const smsTo = (phone: string) => service.sms.received.filter((r) => r.body.to === phone);
  const mailTo = (address: string) => service.smtp.received.filter((m) => m.to === address);

  beforeAll(async () => {
    clock.now = new Date('2026-11-26T12:00:00+07:00');
    receiver = await startWebhookReceiver();
    service = await startService({ WEBHOOK_ALLOWED_HOSTS: receiver.host, WEBHOOK_POLL_MS: '100', DIGEST_TIME: '18:00', DIGEST_POLL_MS: '200' });
    await service.publish(employersTopic, 'emp_test01', [{ type: 'employer.registered', subject: 'emp_test01', data: anEmployer() }]);
    await service.publish(vacanciesTopic, 'vac_test01', [vacancy('vac_test01', 'Công nhân lắp ráp điện tử')]);
    await service.publish(vacanciesTopic, 'vac_test02', [vacancy('vac_test02', 'Thợ hàn')]);
    await service.publish(vacanciesTopic, 'vac_test03', [vacancy('vac_test03', 'Công nhân may')]);
    await service.publish(workerContactsTopic, 'wrk_hire01', [contact('wrk_hire01', '+84910000001', 'hoa@example.vn')]);
    await service.publish(workerContactsTopic, 'wrk_hire02', [contact('wrk_hire02', '+84910000002', 'minh@example.vn')]);
    await service.publish(workerContactsTopic, 'wrk_dig001', [contact('wrk_dig001', '+84910000003', 'thu@example.vn')]);
    const db = service.app.mongo.db!;
    await waitFor(async () => (await db.collection('contacts').countDocuments()) === 3 && (await db.collection('vacancies').countDocuments()) === 3, {
      what: 'contacts and vacancies projected',
    });
    notifications = await readTopic(testKafka(), service.topic(notificationsTopic.name));
  });
  afterAll(async () => {
    await notifications?.stop();
    await service?.close();
    await receiver?.close();
  });

  it('tells the worker they were hired, in Vietnamese, and the employer\'s candidate.hired webhook, once', async () => {
    const employer = await service.bearer('hr-1', ['employer'], 'emp_test01');
    const subscribed = await service.app.inject({ method: 'POST', url: '/v1/webhooks', headers: employer, payload: { url: receiver.url('/hired'), events: ['candidate.hired'] } });
    expect(subscribed.statusCode).toBe(201);

    await service.publish(placementsTopic, 'vac_test01', [hired('plc_0001', 'vac_test01', 'wrk_hire01', { startDate: '2026-12-01' })]);
    const sms = await waitFor(() => smsTo('+84910000001')[0], { what: 'the hire SMS' });
    expect(sms.body.text).toBe(
      'KetNoi Thái Nguyên: Chúc mừng bạn đã được tuyển dụng vào vị trí Công nhân lắp ráp điện tử tại Công ty TNHH Điện tử Phổ Yên, ' +
        'nơi làm việc phường Phổ Yên. Ngày bắt đầu làm việc: 01/12/2026. Liên hệ Trung tâm Dịch vụ việc làm nếu cần hỗ trợ.',
    );
    const email = await waitFor(() => mailTo('hoa@example.vn')[0], { what: 'the hire email' });
    expect(email.subject).toBe('Chúc mừng bạn đã được tuyển dụng: Công nhân lắp ráp điện tử tại Công ty TNHH Điện tử Phổ Yên');
    expect(email.html).toContain('<th align="left">Ngày bắt đầu làm việc</th><td>01/12/2026</td>');

    const hit = await waitFor(() => receiver.hits.find((h) => h.path === '/hired'), { what: 'the candidate.hired webhook' });
    expect(JSON.parse(hit.body)).toMatchObject({
      type: 'candidate.hired',
      data: { placementId: 'plc_0001', vacancyId: 'vac_test01', candidateId: 'wrk_hire01', startDate: '2026-12-01' },
    });
    const sent = await waitFor(() => eventsOf('placement:plc_0001').length === 3 && eventsOf('placement:plc_0001'), { what: 'three sent events' });
    expect(sent.every((e) => e.type === 'notification.sent' && e.data.template === 'placement-recorded')).toBe(true);

    const inbox = await service.app.inject({ method: 'GET', url: '/v1/workers/wrk_hire01/inbox', headers: await service.bearer('worker:wrk_hire01') });
    expect(inbox.json().items[0]).toMatchObject({ itemId: 'placement:plc_0001', kind: 'placement', vacancyId: 'vac_test01' });

    // Delivered again: nothing new to anyone.
    const duplicates = await handledBy(service.app, 'placement.recorded', 'duplicate');
    await service.publish(placementsTopic, 'vac_test01', [hired('plc_0001', 'vac_test01', 'wrk_hire01', { startDate: '2026-12-01' })]);
    await waitFor(async () => (await handledBy(service.app, 'placement.recorded', 'duplicate')) === duplicates + 1, { what: 'the duplicate handled' });
    expect(smsTo('+84910000001')).toHaveLength(1);
    expect(receiver.hits.filter((h) => h.path === '/hired')).toHaveLength(1);

    // A hire from weeks ago (a first start reading the topic from the beginning) is history: nobody is told.
    const old = hired('plc_0000', 'vac_test03', 'wrk_hire01');
    await service.publish(placementsTopic, 'vac_test03', [{ ...old, data: { ...old.data, hiredAt: '2026-10-01T03:00:00.000Z' } }]);
    await waitFor(async () => (await handledBy(service.app, 'placement.recorded', 'duplicate')) === duplicates + 2, { what: 'the old hire handled' });
    expect(await service.app.mongo.db!.collection('match_states').findOne({ _id: 'vac_test03:wrk_hire01' as never })).toMatchObject({ placedAt: new Date('2026-10-01T03:00:00.000Z') });
    expect(eventsOf('placement:plc_0000')).toHaveLength(0);
    expect(smsTo('+84910000001')).toHaveLength(1);
    expect(receiver.hits.filter((h) => h.path === '/hired')).toHaveLength(1);
  });

  it('suppresses as withdrawn a match message still waiting for a worker who was just hired for that vacancy', async () => {
    clock.now = new Date('2026-11-26T22:30:00+07:00');
    await service.publish(matchesTopic, 'vac_test02', [proposed('vac_test02', 'wrk_hire02')]);
    await waitFor(() => eventsOf('vac_test02:wrk_hire02').some((e) => e.data.suppressed === 'quiet-hours'), { what: 'the match SMS deferred' });
    // Recorded without a matchId: the pair's match is found all the same.
    clock.now = new Date('2026-11-26T23:00:00+07:00');
    await service.publish(placementsTopic, 'vac_test02', [hired('plc_0002', 'vac_test02', 'wrk_hire02')]);
    await waitFor(() => eventsOf('placement:plc_0002').some((e) => e.data.suppressed === 'quiet-hours'), { what: 'the hire SMS deferred too' });

    clock.now = new Date('2026-11-27T07:02:00+07:00');
    const withdrawn = await waitFor(() => eventsOf('vac_test02:wrk_hire02').find((e) => e.data.channel === 'sms' && e.data.suppressed === 'withdrawn'), {
      what: 'the match SMS suppressed as withdrawn',
    });
    expect(withdrawn.data.final).toBe(true);
    const sms = await waitFor(() => smsTo('+84910000002')[0], { what: 'the deferred hire SMS' });
    expect(sms.body.text).toContain('Chúc mừng bạn đã được tuyển dụng vào vị trí Thợ hàn');
    expect(sms.body.text).not.toContain('Ngày bắt đầu');
    await waitFor(async () => (await service.app.mongo.db!.collection('deferred').countDocuments()) === 0, { what: 'nothing left deferred' });
    expect(smsTo('+84910000002')).toHaveLength(1);
  });

  it('folds the day\'s matches of a worker who chose the digest into one message at the digest time, surviving a restart, once', async () => {
    clock.now = new Date('2026-11-27T09:00:00+07:00');
    const own = await service.bearer('worker:wrk_dig001');
    const chose = await service.app.inject({ method: 'PUT', url: '/v1/workers/wrk_dig001/preferences', headers: own, payload: { delivery: 'digest' } });
    expect(chose.statusCode).toBe(200);
    const other = await service.bearer('worker:wrk_hire01');
    expect((await service.app.inject({ method: 'PUT', url: '/v1/workers/wrk_dig001/preferences', headers: other, payload: { delivery: 'each' } })).statusCode).toBe(403);

    await service.publish(matchesTopic, 'vac_test01', [proposed('vac_test01', 'wrk_dig001')]);
    await service.publish(matchesTopic, 'vac_test02', [proposed('vac_test02', 'wrk_dig001')]);
    await service.publish(matchesTopic, 'vac_test03', [proposed('vac_test03', 'wrk_dig001')]);
    const folded = await waitFor(
      () => {
        const all = ['vac_test01', 'vac_test02', 'vac_test03'].flatMap((v) => eventsOf(`${v}:wrk_dig001`));
        return all.length === 9 && all;
      },
      { what: 'nine suppressed events' },
    );
    expect(folded.every((e) => e.data.suppressed === 'digest' && e.data.reason === 'suppressed: folded into digest wrk_dig001:2026-11-27')).toBe(true);
    clock.now = new Date('2026-11-27T10:00:00+07:00');
    await service.publish(matchesTopic, 'vac_test02', [
      {
        type: 'match.withdrawn',
        subject: 'vac_test02:wrk_dig001',
        data: { matchId: 'vac_test02:wrk_dig001', vacancyId: 'vac_test02', workerId: 'wrk_dig001', reason: 'outranked', at: clock.now.toISOString() },
      },
    ]);
    await waitFor(() => service.app.mongo.db!.collection('match_states').findOne({ _id: 'vac_test02:wrk_dig001' as never }), { what: 'the withdrawal' });
    expect(smsTo('+84910000003')).toHaveLength(0);

    // The instance that folded the matches goes away; a new one (and a second beside it) sends the digest.
    const restarted = [await service.another('restart-a'), await service.another('restart-b')];
    await service.app.close();
    try {
      clock.now = new Date('2026-11-27T18:00:30+07:00');
      const sms = await waitFor(() => smsTo('+84910000003')[0], { what: 'the digest SMS' });
      expect(sms.body.text).toBe(
        'KetNoi Thái Nguyên: Hôm nay có 2 việc làm phù hợp với bạn: Công nhân lắp ráp điện tử tại Công ty TNHH Điện tử Phổ Yên, lương 7.000.000 đ – 9.000.000 đ/tháng; ' +
          'Công nhân may tại Công ty TNHH Điện tử Phổ Yên, lương 7.000.000 đ – 9.000.000 đ/tháng. Liên hệ Trung tâm Dịch vụ việc làm để ứng tuyển.',
      );
      const email = await waitFor(() => mailTo('thu@example.vn')[0], { what: 'the digest email' });
      expect(email.subject).toBe('2 việc làm phù hợp với bạn hôm nay');
      expect(email.text).not.toContain('Thợ hàn');
      const sent = await waitFor(() => eventsOf('digest:wrk_dig001:2026-11-27').length === 3 && eventsOf('digest:wrk_dig001:2026-11-27'), {
        what: 'three digest events',
      })
      expect(sent.every((e) => e.type === 'notification.sent' && e.data.template === 'match-digest')).toBe(true);
      await waitFor(async () => (await restarted[0]!.mongo.db!.collection('digests').countDocuments()) === 0, { what: 'the digest done' });
      expect(smsTo('+84910000003')).toHaveLength(1);
      expect(mailTo('thu@example.vn')).toHaveLength(1);
      const leases = await restarted[0]!.mongo.db!.collection('leases').find({ item: /^digest:/ }).toArray();
      expect(leases).toHaveLength(1);

      // A match after the digest time waits for tomorrow's digest.
      clock.now = new Date('2026-11-27T19:00:00+07:00');
      await service.publish(matchesTopic, 'vac_test01', [
        { ...proposed('vac_test01', 'wrk_dig001'), data: { ...proposed('vac_test01', 'wrk_dig001').data, matchId: 'late-match' } },
      ]);
      const late = await waitFor(() => eventsOf('late-match').length === 3 && eventsOf('late-match'), { what: 'the late match folded' });
      expect(late[0]!.data.reason).toBe('suppressed: folded into digest wrk_dig001:2026-11-28');
    } finally {
      for (const instance of restarted) await instance.close();
    }
  });
});
