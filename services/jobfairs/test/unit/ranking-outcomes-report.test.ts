import { describe, expect, it } from 'vitest';
import { outcomeStep } from '../../src/domain/outcomes.js';
import { rankAttendeesForBooth, rankVacanciesForWorker, type MatchView } from '../../src/domain/ranking.js';
import { fairReport } from '../../src/domain/report.js';
import { reportCsv } from '../../src/domain/report-table.js';
import { aBooth, anInterview, aRegistration, noPriority } from '../mothers.js';

const scores: Record<string, number> = { 'v1:w1': 0.9, 'v2:w1': 0.5, 'v3:w1': 0.7, 'v1:w2': 0.6, 'v3:w2': 0.95, 'v2:w3': 0.4 };
const matchOf = (vacancyId: string, workerId: string): MatchView | undefined => {
  const score = scores[`${vacancyId}:${workerId}`];
  return score === undefined ? undefined : { matchId: `${vacancyId}:${workerId}`, score, rank: 1, factors: [] };
};
const boothA = aBooth({ boothId: 'bA', label: 'A', vacancyIds: ['v1', 'v2'] });
const boothB = aBooth({ boothId: 'bB', label: 'B', vacancyIds: ['v3'], employerId: 'employer-0002', employerName: 'Điện tử B' });

describe('ranking', () => {
  it("ranks a worker's matched vacancies across booths by score", () => {
    expect(rankVacanciesForWorker('w1', [boothA, boothB], matchOf).map((p) => [p.boothId, p.vacancyId])).toEqual([
      ['bA', 'v1'],
      ['bB', 'v3'],
      ['bA', 'v2'],
    ]);
    expect(rankVacanciesForWorker('w9', [boothA, boothB], matchOf)).toEqual([]);
  });

  it("ranks a booth's attendees by their best score at that booth, leaving out the unmatched", () => {
    const regs = ['w1', 'w2', 'w3', 'w4'].map((w) => aRegistration(w));
    expect(rankAttendeesForBooth(boothA, regs, matchOf).map((p) => [p.registration.workerId, p.vacancyId, p.match.score])).toEqual([
      ['w1', 'v1', 0.9],
      ['w2', 'v1', 0.6],
      ['w3', 'v2', 0.4],
    ]);
    expect(rankAttendeesForBooth(boothB, regs, matchOf).map((p) => p.registration.workerId)).toEqual(['w2', 'w1']);
  });
});

describe('interview outcomes', () => {
  it('follows scheduled -> held -> offered -> hired, and treats a repeat as a duplicate', () => {
    expect(outcomeStep('scheduled', 'interview-held')).toEqual({ kind: 'apply', status: 'held' });
    expect(outcomeStep('held', 'offer-made')).toEqual({ kind: 'apply', status: 'offered' });
    expect(outcomeStep('offered', 'hired')).toEqual({ kind: 'apply', status: 'hired' });
    expect(outcomeStep('held', 'hired')).toEqual({ kind: 'apply', status: 'hired' });
    expect(outcomeStep('hired', 'hired')).toEqual({ kind: 'duplicate' });
  });

  it('refuses a hire before the interview and anything after a no-show or cancellation', () => {
    expect(outcomeStep('scheduled', 'hired').kind).toBe('refused');
    expect(outcomeStep('no-show', 'interview-held').kind).toBe('refused');
    expect(outcomeStep('cancelled', 'interview-held').kind).toBe('refused');
  });
});

describe('fair report', () => {
  const fair = {
    fairId: 'fair-0001',
    title: 'Phiên GDVL',
    theme: 'fdi-electronics' as const,
    status: 'scheduled' as const,
    format: 'in-person' as const,
    startsAt: '2026-12-05T01:00:00.000Z',
    endsAt: '2026-12-05T05:00:00.000Z',
    capacity: 100,
  };
  const regs = [
    aRegistration('w1', { checkedInAt: '2026-12-05T01:10:00.000Z', priority: { ...noPriority, backFromAbroad: true } }),
    aRegistration('w2', { checkedInAt: '2026-12-05T01:12:00.000Z', priority: { ...noPriority, youth: true, ethnicMinority: true } }),
    aRegistration('w3'),
    aRegistration('w4', { priority: { ...noPriority, youth: true } }),
  ];
  const interviews = [
    anInterview('w1', { status: 'hired', boothId: 'bA' }),
    anInterview('w2', { status: 'offered', boothId: 'bA' }),
    anInterview('w2', { interviewId: 'iv-w2b', status: 'held', boothId: 'bB' }),
    anInterview('w3', { status: 'no-show', boothId: 'bB' }),
    anInterview('w4', { status: 'cancelled', boothId: 'bB' }),
  ];
  const report = fairReport(fair, [boothB, boothA], regs, interviews, (booth) => rankAttendeesForBooth(booth, regs, matchOf).length);

  it('counts attendance and outcomes per booth, leaving cancelled interviews out', () => {
    expect(report).toMatchObject({ registered: 4, checkedIn: 2, attendanceRate: 0.5 });
    expect(report.totals).toEqual({ interviewsScheduled: 4, interviewsHeld: 3, noShows: 1, offers: 2, hires: 1 });
    expect(report.booths.map((b) => [b.label, b.interviewsScheduled, b.interviewsHeld, b.noShows, b.offers, b.hires, b.matchedAttendees])).toEqual([
      ['A', 2, 2, 0, 2, 1, 3],
      ['B', 2, 1, 1, 0, 0, 2],
    ]);
  });

  it('measures priority-group reach by distinct workers', () => {
    const reach = Object.fromEntries(report.priorityReach.map((g) => [g.group, g]));
    expect(reach.youth).toEqual({ group: 'youth', registered: 2, checkedIn: 1, interviewed: 1, hired: 0 });
    expect(reach.backFromAbroad).toEqual({ group: 'backFromAbroad', registered: 1, checkedIn: 1, interviewed: 1, hired: 1 });
    expect(reach.any).toEqual({ group: 'any', registered: 3, checkedIn: 2, interviewed: 2, hired: 1 });
  });

  it('exports CSV with formula-looking text defused', () => {
    const hostile = fairReport(fair, [aBooth({ employerName: '=HYPERLINK("x")', label: 'Z' })], [], [], () => 0);
    const csv = reportCsv(hostile);
    expect(csv.split('\r\n')[0]).toBe('section,key,label,registered,checkedIn,matchedAttendees,interviewsScheduled,interviewsHeld,noShows,offers,hires');
    expect(csv).toContain(`"'=HYPERLINK(""x"") (Z)"`);
  });
});
