import { employersTopic, matchesTopic, notificationsTopic, vacanciesTopic, workerContactsTopic, workersTopic } from '@ketnoi/contracts';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aVacancy, aWorkerContact, anEmployer } from '../mothers.js';
import { clock, startService, type TestService } from '../helpers.js';

const proposed = (matchId: string, workerId: string) => ({
  type: 'match.proposed' as const,
  subject: matchId,
  data: { matchId, vacancyId: 'vac_test01', workerId, score: 0.7, rank: 2, scoringVersion: 'v1', factors: [], boost: { groups: [], amount: 0 }, at: clock.now!.toISOString() },
});

const contact = (workerId: string, phone: string, overrides: Parameters<typeof aWorkerContact>[0] = {}) => ({
  type: 'worker-contact.updated' as const,
  subject: workerId,
  data: aWorkerContact({ workerId, phone, email: undefined, channels: { sms: true, email: false, inApp: true }, ...overrides }),
});

interface Notification {
  type: string;
  data: { notificationId: string; channel: string; suppressed?: string; final?: boolean; reason?: string };
}

describe('the rules and the failures of channels', () => {
  let service: TestService;
  let notifications: Awaited<ReturnType<typeof readTopic>>;
  const eventsOf = (matchId: string, channel = 'sms') =>
    notifications.messages.map((m) => JSON.parse(m.value!) as Notification).filter((e) => e.data.notificationId === `${matchId}:${channel}`);
  const smsTo = (phone: string) => service.sms.received.filter((r) => r.body.to === phone);

  beforeAll(async () => {
    clock.now = new Date('2026-11-26T10:00:00+07:00');
    service = await startService({ DAILY_CAP: '2' });
    await service.publish(employersTopic, 'emp_test01', [{ type: 'employer.registered', subject: 'emp_test01', data: anEmployer() }]);
    await service.publish(vacanciesTopic, 'vac_test01', [{ type: 'vacancy.opened', subject: 'vac_test01', data: aVacancy() }]);
    await service.publish(workerContactsTopic, 'wrk_retry1', [contact('wrk_retry1', '+84900000001')]);
    await service.publish(workerContactsTopic, 'wrk_refus1', [contact('wrk_refus1', '+84900000002')]);
    await service.publish(workerContactsTopic, 'wrk_capped', [contact('wrk_capped', '+84900000003')]);
    await service.publish(workerContactsTopic, 'wrk_optout', [contact('wrk_optout', '+84900000004')]);
    await service.publish(workerContactsTopic, 'wrk_erase1', [contact('wrk_erase1', '+84900000005')]);
    await service.publish(workerContactsTopic, 'wrk_erase2', [contact('wrk_erase2', '+84900000006')]);
    for (const n of [1, 2, 3]) {
      await service.publish(workerContactsTopic, `wrk_batch${n}`, [contact(`wrk_batch${n}`, `+8490000010${n}`, { email: `batch${n}@example.vn`, channels: { sms: true, email: true, inApp: true } })]);
    }
    const db = service.app.mongo.db!;
    await waitFor(async () => (await db.collection('contacts').countDocuments()) === 9 && (await db.collection('vacancies').countDocuments()) === 1, {
      what: 'contacts and vacancy projected',
    });
    notifications = await readTopic(testKafka(), service.topic(notificationsTopic.name));
  });
  afterAll(async () => {
    await notifications?.stop();
    await service?.close();
  });

  it('retries while the SMS gateway is down, then sends once', async () => {
    service.sms.state.failNext = 2;
    await service.publish(matchesTopic, 'vac_test01', [proposed('mt_retry_1', 'wrk_retry1')]);
    await waitFor(() => eventsOf('mt_retry_1').length === 1, { what: 'the sent event' });
    expect(eventsOf('mt_retry_1')[0]!.type).toBe('notification.sent');
    expect(smsTo('+84900000001')).toHaveLength(1);
    expect(await service.handled('match.proposed', 'retried')).toBe(1);
    expect(await service.app.mongo.db!.collection('inbox').countDocuments({ workerId: 'wrk_retry1' })).toBe(1);
  });

  it('retries a batch whose SMS gateway fails midway: every message once, nothing lost', async () => {
    const [retried, duplicates] = [await service.handled('match.proposed', 'retried'), await service.handled('match.proposed', 'duplicate')];
    // The second SMS of the batch fails; the batch's other messages went beside it (one window of sends): the batch records those, gives back the failed claim and comes again.
    Object.assign(service.sms.state, { okFirst: 1, failNext: 1 });
    await service.publish(matchesTopic, 'vac_test01', [1, 2, 3].map((n) => proposed(`mt_batch_${n}`, `wrk_batch${n}`)));
    await waitFor(() => [1, 2, 3].every((n) => ['sms', 'email', 'in-app'].every((c) => eventsOf(`mt_batch_${n}`, c).length === 1)), { what: 'nine sent events' });
    // The first and third matches were done in the first attempt: the second finds them done (duplicates) and sends the second's SMS.
    expect(await service.handled('match.proposed', 'retried')).toBe(retried + 1);
    expect(await service.handled('match.proposed', 'duplicate')).toBe(duplicates + 2);
    for (const n of [1, 2, 3]) {
      expect(smsTo(`+8490000010${n}`)).toHaveLength(1);
      expect(service.smtp.received.filter((m) => m.to === `batch${n}@example.vn`)).toHaveLength(1);
      expect(['sms', 'email', 'in-app'].map((c) => eventsOf(`mt_batch_${n}`, c)[0]!.type)).toEqual(['notification.sent', 'notification.sent', 'notification.sent']);
    }
    expect(await service.app.mongo.db!.collection('inbox').countDocuments({ workerId: { $in: ['wrk_batch1', 'wrk_batch2', 'wrk_batch3'] } })).toBe(3);
  });

  it('records a final failure when the gateway refuses the message', async () => {
    service.sms.state.status = 400;
    await service.publish(matchesTopic, 'vac_test01', [proposed('mt_refus_1', 'wrk_refus1')]);
    const [failed] = await waitFor(() => eventsOf('mt_refus_1').length === 1 && eventsOf('mt_refus_1'), { what: 'the failed event' });
    service.sms.state.status = 200;
    expect(failed).toMatchObject({ type: 'notification.failed', data: { final: true, reason: 'sms: gateway refused the message (400)' } });
    expect(failed!.data.suppressed).toBeUndefined();
  });

  it('holds back what goes over the daily cap', async () => {
    await service.publish(matchesTopic, 'vac_test01', [
      proposed('mt_cap_001', 'wrk_capped'),
      proposed('mt_cap_002', 'wrk_capped'),
      proposed('mt_cap_003', 'wrk_capped'),
    ]);
    await waitFor(() => eventsOf('mt_cap_003').length === 1, { what: 'the third match handled' });
    expect(eventsOf('mt_cap_003')[0]).toMatchObject({ type: 'notification.failed', data: { suppressed: 'cap' } });
    expect(eventsOf('mt_cap_003', 'in-app')[0]).toMatchObject({ data: { suppressed: 'cap' } });
    expect(smsTo('+84900000003')).toHaveLength(2);
  });

  it('takes an opt-out into account at once', async () => {
    await service.publish(workerContactsTopic, 'wrk_optout', [
      contact('wrk_optout', '+84900000004', { version: 2, channels: { sms: false, email: false, inApp: true } }),
    ]);
    await waitFor(
      async () => (await service.app.mongo.db!.collection('contacts').findOne({ _id: 'wrk_optout' as never }))?.version === 2,
      { what: 'the opt-out projected' },
    );
    await service.publish(matchesTopic, 'vac_test01', [proposed('mt_opt_001', 'wrk_optout')]);
    await waitFor(() => eventsOf('mt_opt_001').length === 1, { what: 'the suppressed event' });
    expect(eventsOf('mt_opt_001')[0]).toMatchObject({ data: { suppressed: 'opt-out' } });
    expect(eventsOf('mt_opt_001', 'in-app')[0]).toMatchObject({ type: 'notification.sent' });
    expect(smsTo('+84900000004')).toHaveLength(0);
  });

  it('forgets an erased worker, by either topic, and never brings them back', async () => {
    const db = service.app.mongo.db!;
    await service.publish(matchesTopic, 'vac_test01', [proposed('mt_erase_1', 'wrk_erase1')]);
    await waitFor(() => eventsOf('mt_erase_1', 'in-app').length === 1, { what: 'the first match sent' });
    await service.publish(workerContactsTopic, 'wrk_erase1', [
      { type: 'worker-contact.erased', subject: 'wrk_erase1', data: { workerId: 'wrk_erase1', version: 2, erasedAt: clock.now!.toISOString() } },
    ]);
    await service.publish(workersTopic, 'wrk_erase2', [
      { type: 'worker.erased', subject: 'wrk_erase2', data: { workerId: 'wrk_erase2', version: 3, erasedAt: clock.now!.toISOString() } },
    ]);
    await waitFor(async () => (await db.collection('contacts').countDocuments({ _id: { $in: ['wrk_erase1', 'wrk_erase2'] as never[] } })) === 0, {
      what: 'both contacts forgotten',
    });
    expect(await db.collection('inbox').countDocuments({ workerId: 'wrk_erase1' })).toBe(0);

    // A late copy of the contact must not bring the worker back.
    await service.publish(workerContactsTopic, 'wrk_erase2', [contact('wrk_erase2', '+84900000006', { version: 9 })]);
    await service.publish(matchesTopic, 'vac_test01', [proposed('mt_erase_2', 'wrk_erase2')]);
    await waitFor(() => eventsOf('mt_erase_2').length === 1, { what: 'the match for the erased worker' });
    expect(eventsOf('mt_erase_2')[0]).toMatchObject({ data: { suppressed: 'no-consent' } });
    expect(await db.collection('contacts').countDocuments({ _id: 'wrk_erase2' as never })).toBe(0);
    expect(smsTo('+84900000006')).toHaveLength(0);
  });
});
