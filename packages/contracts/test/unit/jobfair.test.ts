import { describe, expect, it } from 'vitest';
import { findTopic, jobFairInterview, jobFairReminder, jobFairSnapshot, jobFairsTopic } from '../../src/index.js';

const fair = {
  fairId: 'fair_000001',
  version: 1,
  title: 'Phiên giao dịch việc làm tháng 12',
  theme: 'back-from-abroad',
  status: 'scheduled',
  format: 'hybrid',
  startsAt: '2026-12-05T08:00:00+07:00',
  endsAt: '2026-12-05T11:30:00+07:00',
  venue: { kind: 'centre', name: 'Trung tâm Dịch vụ việc làm Thái Nguyên' },
  onlineLink: 'https://meet.example.vn/phien-12',
  capacity: 300,
  updatedAt: '2026-11-26T08:00:00Z',
};

const interview = {
  fairId: 'fair_000001',
  interviewId: 'iv_000001',
  version: 1,
  slotId: 'slot_000001',
  boothId: 'booth_000001',
  boothLabel: 'B12',
  workerId: 'wrk_000001',
  employerId: 'emp_000001',
  employerName: 'Công ty TNHH Điện tử',
  vacancyId: 'vac_000001',
  vacancyTitle: 'Công nhân lắp ráp',
  fairTitle: 'Phiên giao dịch việc làm tháng 12',
  startsAt: '2026-12-05T09:00:00+07:00',
  endsAt: '2026-12-05T09:20:00+07:00',
  mode: 'online',
  meetingLink: 'https://meet.example.vn/b12-0900',
  at: '2026-11-26T08:00:00Z',
};

describe('jobfairs.v1 contracts', () => {
  it('is in the registry, keyed by fair, produced by jobfairs for notification and analytics', () => {
    expect(findTopic('jobfairs.v1')).toBe(jobFairsTopic);
    expect(jobFairsTopic).toMatchObject({ key: 'fairId', producer: 'jobfairs', personalData: false });
    expect(jobFairsTopic.consumers).toEqual(['notification', 'analytics']);
  });

  it('requires a venue for an in-person or hybrid fair and a link for an online or hybrid one', () => {
    expect(jobFairSnapshot.safeParse(fair).success).toBe(true);
    expect(jobFairSnapshot.safeParse({ ...fair, venue: undefined }).success).toBe(false);
    expect(jobFairSnapshot.safeParse({ ...fair, onlineLink: undefined }).success).toBe(false);
    expect(jobFairSnapshot.safeParse({ ...fair, format: 'online', venue: undefined }).success).toBe(true);
    expect(jobFairSnapshot.safeParse({ ...fair, onlineLink: 'http://meet.example.vn/plain' }).success).toBe(false);
    expect(jobFairSnapshot.safeParse({ ...fair, endsAt: fair.startsAt }).success).toBe(false);
  });

  it('makes an online interview carry its meeting link', () => {
    expect(jobFairInterview.safeParse(interview).success).toBe(true);
    expect(jobFairInterview.safeParse({ ...interview, meetingLink: undefined }).success).toBe(false);
    expect(jobFairInterview.safeParse({ ...interview, mode: 'in-person', meetingLink: undefined, place: 'Nhà văn hoá (B12)' }).success).toBe(true);
  });

  it('names the interview on an interview reminder only', () => {
    const reminder = { reminderId: 'rem_1', fairId: 'fair_000001', workerId: 'wrk_000001', kind: 'fair', fairTitle: 'Phiên', startsAt: fair.startsAt, at: fair.updatedAt };
    expect(jobFairReminder.safeParse(reminder).success).toBe(true);
    expect(jobFairReminder.safeParse({ ...reminder, interviewId: 'iv_000001' }).success).toBe(false);
    expect(jobFairReminder.safeParse({ ...reminder, kind: 'interview' }).success).toBe(false);
  });
});
