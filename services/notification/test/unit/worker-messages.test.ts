import { describe, expect, it } from 'vitest';
import type { JobFairInterview, JobFairReminder } from '@ketnoi/contracts';
import { invitationProbe, invitationVariables, reminderProbe, reminderVariables, whenText } from '../../src/domain/jobfair-notice.js';
import { placementProbe, placementVariables } from '../../src/domain/placement-notice.js';
import { loadMessage } from '../../src/messages/message-templates.js';
import { aJob } from '../mothers.js';

const zone = 'Asia/Ho_Chi_Minh';

const anInterview = (overrides: Partial<JobFairInterview> = {}): JobFairInterview => ({
  fairId: 'fair_2026_12',
  interviewId: 'itv_000001',
  version: 1,
  slotId: 'slot_0001',
  boothId: 'booth_b12',
  boothLabel: 'B12',
  workerId: 'wrk_test01',
  employerId: 'emp_test01',
  employerName: 'Công ty May TNG',
  vacancyId: 'vac_test01',
  vacancyTitle: 'Công nhân may',
  fairTitle: 'Phiên giao dịch việc làm tháng 12/2026',
  startsAt: '2026-12-05T01:30:00.000Z',
  endsAt: '2026-12-05T01:45:00.000Z',
  mode: 'in-person',
  place: 'Trung tâm Dịch vụ việc làm Thái Nguyên',
  at: '2026-12-01T05:00:00.000Z',
  ...overrides,
});

describe('the hire message', () => {
  const render = loadMessage('placement-recorded', undefined, placementProbe);

  it('gives the start date when there is one, and leaves the sentence out when there is none', () => {
    expect(render('vi', placementVariables(aJob(), '2026-12-01', 'vi')).sms).toContain('Ngày bắt đầu làm việc: 01/12/2026.');
    const without = render('en', placementVariables(aJob(), undefined, 'en'));
    expect(without.sms).toBe(
      'KetNoi Thai Nguyen: Congratulations, you were hired as Công nhân lắp ráp điện tử at Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên, ' +
        'in Phổ Yên Ward. Contact the Employment Service Centre if you need help.',
    );
    expect(without.html).not.toContain('Start date');
  });
});

describe('job-fair messages', () => {
  const invitation = loadMessage('jobfair-invitation', undefined, invitationProbe);
  const reminder = loadMessage('jobfair-reminder', undefined, reminderProbe);

  it('writes times on the clock of Thái Nguyên', () => {
    expect(whenText('2026-12-05T01:30:00Z', 'vi', zone)).toBe('08:30 ngày 05/12/2026');
    expect(whenText('2026-12-05T17:05:00Z', 'en', zone)).toBe('00:05 on 06/12/2026');
  });

  it('invites to an online interview with its link', () => {
    const online = anInterview({ mode: 'online', place: undefined, meetingLink: 'https://meet.example.vn/itv-1' });
    const message = invitation('en', invitationVariables(online, 'en', zone));
    expect(message.sms).toContain('with Công ty May TNG (booth B12) at Phiên giao dịch việc làm tháng 12/2026, 08:30 on 05/12/2026, online: https://meet.example.vn/itv-1.');
    expect(message.html).toContain('<a href="https://meet.example.vn/itv-1">');
  });

  it('reminds of a fair or of an interview', () => {
    const fair: JobFairReminder = { reminderId: 'rem_1', fairId: 'fair_2026_12', workerId: 'wrk_test01', kind: 'fair', fairTitle: 'Ngày hội việc làm', startsAt: '2026-12-05T01:00:00Z', at: '2026-12-04T01:00:00Z' };
    expect(reminder('vi', reminderVariables(fair, 'vi', zone)).sms).toBe('KetNoi Thái Nguyên: Nhắc bạn tham gia Ngày hội việc làm lúc 08:00 ngày 05/12/2026.');
    const itv = reminderVariables({ ...fair, kind: 'interview', interviewId: 'itv_000001', employerName: 'Công ty May TNG', vacancyTitle: 'Công nhân may' }, 'vi', zone);
    expect(reminder('vi', itv).subject).toBe('Nhắc lịch phỏng vấn: Công nhân may tại Công ty May TNG');
  });
});
