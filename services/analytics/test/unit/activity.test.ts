import { describe, expect, it } from 'vitest';
import { computeActivity } from '../../src/domain/activity.js';
import { aPlacementProjection, aVacancyProjection } from '../mothers.js';

describe('activity', () => {
  const input = {
    registrationDays: [['2026-01-05', 3], ['2026-04-02', 2]] as [string, number][],
    vacancies: [aVacancyProjection({ openedAt: '2026-01-10T01:00:00.000Z', positions: 4 }), aVacancyProjection({ _id: 'v2', openedAt: '2026-05-10T01:00:00.000Z', positions: 1 })],
    matches: [{ _id: 'm1', vacancyId: 'vacancy-0001', proposedAt: '2026-01-11T01:00:00.000Z' }],
    placements: [aPlacementProjection({ hiredAt: '2026-02-01T01:00:00.000Z' })],
    notifications: [
      { _id: 'n1', recipientKind: 'worker' as const, channel: 'sms', outcome: 'sent' as const, at: '2026-01-11T01:00:00.000Z' },
      { _id: 'n2', recipientKind: 'worker' as const, channel: 'sms', outcome: 'failed' as const, at: '2026-01-12T01:00:00.000Z' },
      { _id: 'n3', recipientKind: 'employer' as const, channel: 'webhook', outcome: 'sent' as const, at: '2026-06-12T01:00:00.000Z' },
    ],
    employers: [
      { _id: 'e1', version: 1, fdi: true, vsicSector: 'C26', communeCode: '05443', status: 'active' as const },
      { _id: 'e2', version: 1, fdi: false, vsicSector: 'F41', communeCode: '05443', status: 'suspended' as const },
    ],
  };

  it('counts what happened in a quarter', () => {
    expect(computeActivity(input, '2026-Q1')).toEqual({
      period: '2026-Q1',
      registrations: 3,
      vacanciesOpened: 1,
      positionsOpened: 4,
      matchesProposed: 1,
      placements: 1,
      notifications: { sms: { sent: 1, failed: 1 } },
      employers: { active: 1, fdi: 1 },
    });
  });

  it('counts everything without a period', () => {
    expect(computeActivity(input)).toMatchObject({ registrations: 5, vacanciesOpened: 2, positionsOpened: 5, notifications: { sms: { sent: 1, failed: 1 }, webhook: { sent: 1, failed: 0 } } });
  });
});
