import { employersTopic, matchesTopic, notificationsTopic, vacanciesTopic, workerContactsTopic } from '@ketnoi/contracts';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aVacancy, aWorkerContact, anEmployer } from '../mothers.js';
import { clock, handledBy, logLines, startService, type TestService } from '../helpers.js';

const proposed = (matchId: string, workerId: string, vacancyId = 'vac_test01') => ({
  type: 'match.proposed' as const,
  subject: matchId,
  data: {
    matchId,
    vacancyId,
    workerId,
    score: 0.82,
    rank: 1,
    scoringVersion: 'v1',
    factors: [],
    boost: { groups: [], amount: 0 },
    at: clock.now!.toISOString(),
  },
});

const contact = (workerId: string, overrides: Parameters<typeof aWorkerContact>[0] = {}) => ({
  type: 'worker-contact.updated' as const,
  subject: workerId,
  data: aWorkerContact({ workerId, ...overrides }),
});

interface Notification {
  type: string;
  data: { notificationId: string; channel: string; recipientId: string; suppressed?: string; final?: boolean };
}

describe('telling workers about matches, on the real broker, FerretDB, SMTP server and SMS gateway', () => {
  let service: TestService;
  let notifications: Awaited<ReturnType<typeof readTopic>>;
  const events = () => notifications.messages.map((m) => JSON.parse(m.value!) as Notification);
  const eventsOf = (matchId: string) => events().filter((e) => e.data.notificationId.startsWith(`${matchId}:`));

  beforeAll(async () => {
    service = await startService();
    await service.publish(employersTopic, 'emp_test01', [{ type: 'employer.registered', subject: 'emp_test01', data: anEmployer() }]);
    await service.publish(vacanciesTopic, 'vac_test01', [{ type: 'vacancy.opened', subject: 'vac_test01', data: aVacancy() }]);
    await service.publish(workerContactsTopic, 'wrk_lan001', [contact('wrk_lan001')]);
    await service.publish(workerContactsTopic, 'wrk_john01', [
      contact('wrk_john01', { preferredLanguage: 'en', email: 'john@example.com', channels: { sms: false, email: true, inApp: true } }),
    ]);
    await service.publish(workerContactsTopic, 'wrk_nocon1', [contact('wrk_nocon1', { consentToNotifications: false })]);
    await service.publish(workerContactsTopic, 'wrk_night1', [contact('wrk_night1', { phone: '+84987654321' })]);
    const db = service.app.mongo.db!;
    await waitFor(async () => (await db.collection('contacts').countDocuments()) === 4 && (await db.collection('employers').countDocuments()) === 1, {
      what: 'contacts and employer projected',
    });
    notifications = await readTopic(testKafka(), service.topic(notificationsTopic.name));
  });
  afterAll(async () => {
    await notifications?.stop();
    await service?.close();
  });

  it('sends the match by SMS, email and inbox, in Vietnamese with its diacritics', async () => {
    await service.publish(matchesTopic, 'vac_test01', [proposed('mt_lan_001', 'wrk_lan001')]);
    const sms = await waitFor(() => service.sms.received.find((r) => r.body.to === '+84912345678'), { what: 'the SMS' });
    expect(sms.headers.authorization).toBe('Bearer gateway-test-token');
    expect(sms.body.text).toContain('Có việc làm phù hợp với bạn: Công nhân lắp ráp điện tử tại Công ty TNHH Điện tử Phổ Yên');
    expect(sms.body.text).toContain('lương 7.000.000 đ – 9.000.000 đ/tháng');
    expect(sms.body.text).toContain('Hạn nộp hồ sơ 31/12/2026');

    const email = await waitFor(() => service.smtp.received.find((m) => m.to === 'lan@example.vn'), { what: 'the email' });
    expect(email.subject).toBe('Việc làm phù hợp: Công nhân lắp ráp điện tử tại Công ty TNHH Điện tử Phổ Yên');
    expect(email.text).toContain('Mức lương: 7.000.000 đ – 9.000.000 đ/tháng');
    expect(email.html).toContain('<th align="left">Doanh nghiệp</th><td>Công ty TNHH Điện tử Phổ Yên</td>');

    const sent = await waitFor(() => eventsOf('mt_lan_001').length === 3 && eventsOf('mt_lan_001'), { what: 'three sent events' });
    expect(sent.map((e) => [e.type, e.data.channel]).sort()).toEqual([
      ['notification.sent', 'email'],
      ['notification.sent', 'in-app'],
      ['notification.sent', 'sms'],
    ]);
    const published = notifications.messages.map((m) => m.value).join('\n');
    expect(published).not.toContain('+849');
    expect(published).not.toContain('@example');
    expect(logLines.join('\n')).not.toMatch(/\+84912345678|lan@example\.vn|Nguyễn Thị Lan/);
  });

  it('shows the match in the worker\'s inbox and marks it read', async () => {
    const staff = await service.bearer('staff-1', ['staff']);
    const inbox = await service.app.inject({ method: 'GET', url: '/v1/workers/wrk_lan001/inbox', headers: staff });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json()).toMatchObject({ unread: 1, items: [{ itemId: 'mt_lan_001', language: 'vi', readAt: null }] });
    expect(inbox.json().items[0].title).toBe('Việc làm phù hợp: Công nhân lắp ráp điện tử tại Công ty TNHH Điện tử Phổ Yên');

    const own = await service.bearer('worker:wrk_lan001');
    const read = await service.app.inject({ method: 'POST', url: '/v1/workers/wrk_lan001/inbox/mt_lan_001/read', headers: own });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe(clock.now!.toISOString());

    const other = await service.bearer('worker:wrk_john01');
    const refused = await service.app.inject({ method: 'GET', url: '/v1/workers/wrk_lan001/inbox', headers: other });
    expect(refused.statusCode).toBe(403);
    const anonymous = await service.app.inject({ method: 'GET', url: '/v1/workers/wrk_lan001/inbox' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('writes in English to a worker who chose English, only on their channels', async () => {
    await service.publish(matchesTopic, 'vac_test01', [proposed('mt_john_01', 'wrk_john01')]);
    const email = await waitFor(() => service.smtp.received.find((m) => m.to === 'john@example.com'), { what: 'the English email' });
    expect(email.subject).toBe('A job that fits you: Công nhân lắp ráp điện tử at Công ty TNHH Điện tử Phổ Yên');
    expect(email.text).toContain('Wage: 7,000,000 VND – 9,000,000 VND/month');
    const all = await waitFor(() => eventsOf('mt_john_01').length === 3 && eventsOf('mt_john_01'), { what: 'three events' });
    expect(all.find((e) => e.data.channel === 'sms')).toMatchObject({ type: 'notification.failed', data: { suppressed: 'opt-out', final: true } });
  });

  it('sends nothing without consent, and says why on notifications.v1', async () => {
    const smsBefore = service.sms.received.length;
    const mailBefore = service.smtp.received.length;
    await service.publish(matchesTopic, 'vac_test01', [proposed('mt_nocon_1', 'wrk_nocon1')]);
    const all = await waitFor(() => eventsOf('mt_nocon_1').length === 3 && eventsOf('mt_nocon_1'), { what: 'three suppressed events' });
    expect(all.every((e) => e.type === 'notification.failed' && e.data.suppressed === 'no-consent')).toBe(true);
    expect(service.sms.received.length).toBe(smsBefore);
    expect(service.smtp.received.length).toBe(mailBefore);
  });

  it('sends nothing new when matches are delivered again', async () => {
    const smsBefore = service.sms.received.length;
    const mailBefore = service.smtp.received.length;
    const eventsBefore = events().length;
    const duplicates = await service.handled('match.proposed', 'duplicate');
    await service.publish(matchesTopic, 'vac_test01', [proposed('mt_lan_001', 'wrk_lan001'), proposed('mt_john_01', 'wrk_john01')]);
    await waitFor(async () => (await service.handled('match.proposed', 'duplicate')) === duplicates + 2, { what: 'two duplicates handled' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(service.sms.received.length).toBe(smsBefore);
    expect(service.smtp.received.length).toBe(mailBefore);
    expect(events().length).toBe(eventsBefore);
  });

  it('defers SMS in the quiet hours and sends it after; email and inbox go at once', async () => {
    clock.now = new Date('2026-11-26T22:30:00+07:00');
    await service.publish(matchesTopic, 'vac_test01', [proposed('mt_night_1', 'wrk_night1')]);
    await waitFor(() => eventsOf('mt_night_1').length === 3, { what: 'sent, sent and deferred' });
    const deferred = eventsOf('mt_night_1').find((e) => e.data.channel === 'sms')!;
    expect(deferred).toMatchObject({ type: 'notification.failed', data: { suppressed: 'quiet-hours', final: false, deferredUntil: '2026-11-27T00:00:00.000Z' } });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(service.sms.received.find((r) => r.body.to === '+84987654321')).toBeUndefined();

    clock.now = new Date('2026-11-27T07:01:00+07:00');
    const sms = await waitFor(() => service.sms.received.find((r) => r.body.to === '+84987654321'), { what: 'the deferred SMS' });
    expect(sms.body.text).toContain('KetNoi Thái Nguyên');
    await waitFor(() => eventsOf('mt_night_1').some((e) => e.type === 'notification.sent' && e.data.channel === 'sms'), { what: 'the SMS sent event' });
    expect(await service.app.mongo.db!.collection('deferred').countDocuments()).toBe(0);
  });

  it('does not send a deferred SMS whose match was withdrawn', async () => {
    clock.now = new Date('2026-11-27T23:00:00+07:00');
    await service.publish(matchesTopic, 'vac_test01', [proposed('mt_night_2', 'wrk_night1')]);
    await waitFor(() => eventsOf('mt_night_2').length === 3, { what: 'sent, sent and deferred' });
    clock.now = new Date('2026-11-27T23:10:00+07:00');
    await service.publish(matchesTopic, 'vac_test01', [
      {
        type: 'match.withdrawn',
        subject: 'mt_night_2',
        data: { matchId: 'mt_night_2', vacancyId: 'vac_test01', workerId: 'wrk_night1', reason: 'outranked', at: clock.now!.toISOString() },
      },
    ]);
    await waitFor(() => service.app.mongo.db!.collection('match_states').findOne({ _id: 'mt_night_2' as never }), { what: 'the withdrawal' });
    const smsBefore = service.sms.received.length;
    clock.now = new Date('2026-11-28T07:05:00+07:00');
    const withdrawn = await waitFor(() => eventsOf('mt_night_2').find((e) => e.data.suppressed === 'withdrawn'), { what: 'the withdrawn event' });
    expect(withdrawn).toMatchObject({ data: { channel: 'sms', final: true } });
    expect(service.sms.received.length).toBe(smsBefore);
    clock.now = new Date('2026-11-28T12:00:00+07:00');
  });

  it('sends nothing new when matches.v1 is replayed from the start by a new consumer group', async () => {
    const smsBefore = service.sms.received.length;
    const mailBefore = service.smtp.received.length;
    const inboxBefore = await service.app.mongo.db!.collection('inbox').countDocuments();
    const replayer = await service.another('replay');
    try {
      // Seven match.proposed were published above, two of them twice.
      await waitFor(async () => (await handledBy(replayer, 'match.proposed', 'duplicate')) === 7, { what: 'every proposal replayed' });
    } finally {
      await replayer.close();
    }
    expect(service.sms.received.length).toBe(smsBefore);
    expect(service.smtp.received.length).toBe(mailBefore);
    expect(await service.app.mongo.db!.collection('inbox').countDocuments()).toBe(inboxBefore);
  });
});
