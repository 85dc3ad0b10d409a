import { describe, expect, it } from 'vitest';
import { digestSlot, planDigest, zonedTime } from '../../src/domain/digest.js';
import { digestVariables } from '../../src/domain/digest-variables.js';
import { loadMessage } from '../../src/messages/message-templates.js';
import { digestProbe } from '../../src/domain/digest-variables.js';
import { aContact, aJob } from '../mothers.js';

const quietHours = { start: '21:00', end: '07:00', timeZone: 'Asia/Ho_Chi_Minh' };
const at = (local: string) => new Date(`${local}+07:00`);

describe('when a digest goes out', () => {
  it('reads a local day and clock in the time zone', () => {
    expect(zonedTime('2026-11-26', '18:00', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-11-26T11:00:00.000Z');
    expect(zonedTime('2026-03-29', '02:30', 'Europe/Paris').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes today\'s digest before its time and tomorrow\'s after it', () => {
    expect(digestSlot('wrk_a', at('2026-11-26T09:15:00'), '18:00', quietHours)).toEqual({
      digestId: 'wrk_a:2026-11-26',
      day: '2026-11-26',
      dueAt: at('2026-11-26T18:00:00'),
    });
    expect(digestSlot('wrk_a', at('2026-11-26T18:00:00'), '18:00', quietHours)).toEqual({
      digestId: 'wrk_a:2026-11-27',
      day: '2026-11-27',
      dueAt: at('2026-11-27T18:00:00'),
    });
    // Past 17:00 UTC it is already the next local day in Thái Nguyên.
    expect(digestSlot('wrk_a', new Date('2026-11-26T17:30:00Z'), '18:00', quietHours).day).toBe('2026-11-27');
  });

  it('waits for the end of the quiet hours when the digest time falls inside them', () => {
    expect(digestSlot('wrk_a', at('2026-11-26T12:00:00'), '22:30', quietHours)).toEqual({
      digestId: 'wrk_a:2026-11-26',
      day: '2026-11-26',
      dueAt: at('2026-11-27T07:00:00'),
    });
  });
});

describe('what a due digest says', () => {
  const now = at('2026-11-26T18:00:00');

  it('lists only the matches still valid, on every channel the worker allows', () => {
    const plan = planDigest({
      contact: aContact({ channels: { sms: false, email: true, inApp: true } }),
      entries: [
        { matchId: 'm1', withdrawn: false },
        { matchId: 'm2', withdrawn: true },
        { matchId: 'm3', withdrawn: false },
      ],
      now,
      quietHours,
    });
    expect(plan).toEqual({
      action: 'send',
      matchIds: ['m1', 'm3'],
      deliveries: [
        { channel: 'in-app', action: 'send' },
        { channel: 'sms', action: 'suppress', reason: 'opt-out' },
        { channel: 'email', action: 'send' },
      ],
    });
  });

  it('says nothing when every match was withdrawn or placed', () => {
    expect(planDigest({ contact: aContact(), entries: [{ matchId: 'm1', withdrawn: true }], now, quietHours })).toEqual({ action: 'skip' });
    expect(planDigest({ contact: aContact(), entries: [], now, quietHours })).toEqual({ action: 'skip' });
  });

  it('waits whole for the end of the quiet hours when a late poller finds it inside them', () => {
    expect(planDigest({ contact: aContact(), entries: [{ matchId: 'm1', withdrawn: false }], now: at('2026-11-26T23:10:00'), quietHours })).toEqual({
      action: 'postpone',
      until: at('2026-11-27T07:00:00'),
    });
  });

  it('suppresses every channel of a worker without consent', () => {
    const plan = planDigest({ contact: aContact({ consent: false }), entries: [{ matchId: 'm1', withdrawn: false }], now, quietHours });
    expect(plan.action === 'send' && plan.deliveries.map((d) => d.action)).toEqual(['suppress', 'suppress', 'suppress']);
  });
});

describe('the digest message', () => {
  const render = loadMessage('match-digest', undefined, digestProbe);
  const jobs = [
    aJob({ title: 'Công nhân may', employerName: 'Công ty May TNG' }),
    aJob({ title: 'Thợ hàn', employerName: 'Công ty Cơ khí Gang Thép', wageMinVnd: 8_000_000, wageMaxVnd: 8_000_000 }),
    aJob({ title: 'Lái xe nâng' }),
    aJob({ title: 'Kỹ thuật viên điện' }),
  ];

  it('names the first jobs in the SMS and how many more there are, in Vietnamese', () => {
    const message = render('vi', digestVariables(jobs, 'vi'));
    expect(message.subject).toBe('4 việc làm phù hợp với bạn hôm nay');
    expect(message.sms).toBe(
      'KetNoi Thái Nguyên: Hôm nay có 4 việc làm phù hợp với bạn: Công nhân may tại Công ty May TNG, lương 7.000.000 đ – 9.000.000 đ/tháng; ' +
        'Thợ hàn tại Công ty Cơ khí Gang Thép, lương 8.000.000 đ/tháng; Lái xe nâng tại Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên, ' +
        'lương 7.000.000 đ – 9.000.000 đ/tháng và 1 việc làm khác. Liên hệ Trung tâm Dịch vụ việc làm để ứng tuyển.',
    );
    expect(message.text).toContain('- Kỹ thuật viên điện tại Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên');
    expect(message.html).toContain('<td>Thợ hàn</td><td>Công ty Cơ khí Gang Thép</td><td>8.000.000 đ/tháng</td><td>phường Phổ Yên</td><td>31/12/2026</td>');
  });

  it('reads in English without "more" when every job fits the SMS', () => {
    const message = render('en', digestVariables(jobs.slice(0, 2), 'en'));
    expect(message.sms).toContain('2 jobs match your profile today: Công nhân may at Công ty May TNG, wage 7,000,000 VND – 9,000,000 VND/month; Thợ hàn at');
    expect(message.sms).not.toContain('more');
  });
});
