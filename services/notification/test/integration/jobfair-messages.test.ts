import { jobFairsTopic, notificationsTopic, workerContactsTopic } from '@ketnoi/contracts';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aWorkerContact } from '../mothers.js';
import { clock, handledBy, startService, type TestService } from '../helpers.js';

const contact = (workerId: string, phone: string, email: string, preferredLanguage: 'vi' | 'en' = 'vi') => ({
  type: 'worker-contact.updated' as const,
  subject: workerId,
  data: aWorkerContact({ workerId, phone, email, preferredLanguage }),
});

const interview = (interviewId: string, workerId: string, overrides: Record<string, unknown> = {}) => ({
  type: 'jobfair.interview.scheduled' as const,
  subject: interviewId,
  data: {
    fairId: 'fair_2026_12',
    interviewId,
    version: 1,
    slotId: 'slot_0001',
    boothId: 'booth_b12',
    boothLabel: 'B12',
    workerId,
    employerId: 'emp_test01',
    employerName: 'Công ty TNHH Điện tử Phổ Yên',
    vacancyId: 'vac_test01',
    vacancyTitle: 'Công nhân lắp ráp điện tử',
    fairTitle: 'Phiên giao dịch việc làm tháng 12/2026',
    startsAt: '2026-12-05T01:30:00.000Z',
    endsAt: '2026-12-05T01:45:00.000Z',
    mode: 'in-person' as const,
    place: 'Trung tâm Dịch vụ việc làm Thái Nguyên, gian B12',
    at: clock.now!.toISOString(),
    ...overrides,
  },
});

const reminder = (reminderId: string, workerId: string, overrides: Record<string, unknown> = {}) => ({
  type: 'jobfair.reminder' as const,
  subject: reminderId,
  data: {
    reminderId,
    fairId: 'fair_2026_12',
    workerId,
    kind: 'fair' as const,
    fairTitle: 'Phiên giao dịch việc làm tháng 12/2026',
    startsAt: '2026-12-05T01:00:00.000Z',
    place: 'Trung tâm Dịch vụ việc làm Thái Nguyên',
    at: clock.now!.toISOString(),
    ...overrides,
  },
});

interface Notification {
  id: string;
  type: string;
  data: { notificationId: string; channel: string; template: string; suppressed?: string; final?: boolean };
}

describe('job-fair invitations and reminders, on the real broker, FerretDB, SMTP server and SMS gateway', () => {
  let service: TestService;
  let notifications: Awaited<ReturnType<typeof readTopic>>;
  const events = () => [...new Map(notifications.messages.map((m) => JSON.parse(m.value!) as Notification).map((e) => [e.id, e])).values()];
  const eventsOf = (key: string) => events().filter((e) => e.data.notificationId.startsWith(`${key}:`));
  const smsTo = (phone: string) => service.sms.received.filter((r) => r.body.to === phone);

  beforeAll(async () => {
    clock.now = new Date('2026-12-01T12:00:00+07:00');
    service = await startService();
    await service.publish(workerContactsTopic, 'wrk_fair01', [contact('wrk_fair01', '+84920000001', 'lan.fair@example.vn')]);
    await service.publish(workerContactsTopic, 'wrk_fair02', [contact('wrk_fair02', '+84920000002', 'john.fair@example.com', 'en')]);
    await waitFor(async () => (await service.app.mongo.db!.collection('contacts').countDocuments()) === 2, { what: 'contacts projected' });
    notifications = await readTopic(testKafka(), service.topic(notificationsTopic.name));
  });
  afterAll(async () => {
    await notifications?.stop();
    await service?.close();
  });

  it('invites a worker to an interview in Vietnamese on every channel, once', async () => {
    await service.publish(jobFairsTopic, 'fair_2026_12', [interview('itv_000001', 'wrk_fair01')]);
    const sms = await waitFor(() => smsTo('+84920000001')[0], { what: 'the invitation SMS' });
    expect(sms.body.text).toBe(
      'KetNoi Thái Nguyên: Bạn được mời phỏng vấn vị trí Công nhân lắp ráp điện tử với Công ty TNHH Điện tử Phổ Yên (gian B12) tại ' +
        'Phiên giao dịch việc làm tháng 12/2026, lúc 08:30 ngày 05/12/2026, địa điểm: Trung tâm Dịch vụ việc làm Thái Nguyên, gian B12. Vui lòng đến đúng giờ.',
    );
    const email = await waitFor(() => service.smtp.received.find((m) => m.to === 'lan.fair@example.vn'), { what: 'the invitation email' });
    expect(email.subject).toBe('Mời phỏng vấn: Công nhân lắp ráp điện tử tại Công ty TNHH Điện tử Phổ Yên – Phiên giao dịch việc làm tháng 12/2026');
    expect(email.html).toContain('<th align="left">Thời gian</th><td>08:30 ngày 05/12/2026</td>');
    const sent = await waitFor(() => eventsOf('jobfair-interview:itv_000001:1').length === 3 && eventsOf('jobfair-interview:itv_000001:1'), { what: 'three events' });
    expect(sent.every((e) => e.type === 'notification.sent' && e.data.template === 'jobfair-invitation')).toBe(true);
    const inbox = await service.app.inject({ method: 'GET', url: '/v1/workers/wrk_fair01/inbox', headers: await service.bearer('worker:wrk_fair01') });
    expect(inbox.json().items[0]).toMatchObject({ itemId: 'jobfair-interview:itv_000001:1', kind: 'jobfair' });

    const duplicates = await handledBy(service.app, 'jobfair.interview.scheduled', 'duplicate');
    await service.publish(jobFairsTopic, 'fair_2026_12', [interview('itv_000001', 'wrk_fair01')]);
    await waitFor(async () => (await handledBy(service.app, 'jobfair.interview.scheduled', 'duplicate')) === duplicates + 1, { what: 'the redelivery handled' });
    expect(smsTo('+84920000001')).toHaveLength(1);
  });

  it('holds reminders\' SMS through the quiet hours, and drops one whose interview was cancelled meanwhile', async () => {
    clock.now = new Date('2026-12-04T22:00:00+07:00');
    await service.publish(jobFairsTopic, 'fair_2026_12', [
      reminder('rem_fair_wrk_fair01', 'wrk_fair01'),
      reminder('rem_itv_000002', 'wrk_fair02', {
        kind: 'interview',
        interviewId: 'itv_000002',
        employerName: 'Công ty TNHH Điện tử Phổ Yên',
        boothLabel: 'B12',
        vacancyTitle: 'Công nhân lắp ráp điện tử',
        startsAt: '2026-12-05T02:00:00.000Z',
        place: undefined,
        meetingLink: 'https://meet.example.vn/itv-000002',
      }),
    ]);
    const email = await waitFor(() => service.smtp.received.find((m) => m.to === 'john.fair@example.com'), { what: 'the English reminder email' });
    expect(email.subject).toBe('Interview reminder: Công nhân lắp ráp điện tử at Công ty TNHH Điện tử Phổ Yên');
    expect(email.text).toContain('Online: https://meet.example.vn/itv-000002');
    await waitFor(() => eventsOf('jobfair-reminder:rem_itv_000002').some((e) => e.data.suppressed === 'quiet-hours'), { what: 'the SMS deferred' });
    await waitFor(() => eventsOf('jobfair-reminder:rem_fair_wrk_fair01').some((e) => e.data.suppressed === 'quiet-hours'), { what: 'the other SMS deferred' });

    clock.now = new Date('2026-12-04T22:30:00+07:00');
    await service.publish(jobFairsTopic, 'fair_2026_12', [
      {
        type: 'jobfair.interview.cancelled',
        subject: 'itv_000002',
        data: {
          fairId: 'fair_2026_12',
          interviewId: 'itv_000002',
          version: 2,
          slotId: 'slot_0002',
          boothId: 'booth_b12',
          workerId: 'wrk_fair02',
          employerId: 'emp_test01',
          employerName: 'Công ty TNHH Điện tử Phổ Yên',
          vacancyTitle: 'Công nhân lắp ráp điện tử',
          fairTitle: 'Phiên giao dịch việc làm tháng 12/2026',
          startsAt: '2026-12-05T02:00:00.000Z',
          endsAt: '2026-12-05T02:15:00.000Z',
          reason: 'employer-cancelled',
          at: clock.now.toISOString(),
        },
      },
    ]);
    await waitFor(() => service.app.mongo.db!.collection('match_states').findOne({ _id: 'interview:itv_000002' as never }), { what: 'the cancellation' });

    clock.now = new Date('2026-12-05T07:01:00+07:00');
    const withdrawn = await waitFor(() => eventsOf('jobfair-reminder:rem_itv_000002').find((e) => e.data.channel === 'sms' && e.data.suppressed === 'withdrawn'), {
      what: 'the cancelled interview\'s reminder suppressed',
    });
    expect(withdrawn.data.final).toBe(true);
    const sms = await waitFor(() => smsTo('+84920000001').find((r) => r.body.text.includes('Nhắc bạn')), { what: 'the fair reminder SMS' });
    expect(sms.body.text).toBe(
      'KetNoi Thái Nguyên: Nhắc bạn tham gia Phiên giao dịch việc làm tháng 12/2026 lúc 08:00 ngày 05/12/2026, địa điểm: Trung tâm Dịch vụ việc làm Thái Nguyên.',
    );
    expect(smsTo('+84920000002')).toHaveLength(0);
  });

  it('sends nothing for a fair or an interview that has already begun (a replay, a late event)', async () => {
    clock.now = new Date('2026-12-05T09:00:00+07:00');
    const handled = await handledBy(service.app, 'jobfair.reminder', 'duplicate');
    await service.publish(jobFairsTopic, 'fair_2026_12', [reminder('rem_late_wrk_fair02', 'wrk_fair02')]);
    await waitFor(async () => (await handledBy(service.app, 'jobfair.reminder', 'duplicate')) === handled + 1, { what: 'the late reminder handled' });
    expect(eventsOf('jobfair-reminder:rem_late_wrk_fair02')).toHaveLength(0);
    expect(service.smtp.received.filter((m) => m.to === 'john.fair@example.com')).toHaveLength(1);
  });
});
