import type { jobFairsTopic, TopicEventInput, WorkerSnapshot } from '@ketnoi/contracts';

/**
 * A scripted jobfairs.v1 history: two fairs (one in person in commune 05443,
 * one online), booths, registrations with priority flags, check-ins, and
 * interviews that each follow a path of outcomes. The tests compute what the
 * report should say from this script, not from the service's code.
 */
type Input = TopicEventInput<typeof jobFairsTopic>;
type Priority = WorkerSnapshot['priority'];
export type Step = 'held' | 'no-show' | 'offered' | 'hired' | 'cancelled';

const NONE: Priority = {
  poorHousehold: false,
  nearPoorHousehold: false,
  recentlyOutOfPoverty: false,
  ethnicMinority: false,
  disability: false,
  backFromAbroad: false,
  demobilised: false,
  youth: false,
};

export const FAIR_A = 'fair-hist-a';
export const FAIR_B = 'fair-hist-b';

export interface ScriptedWorker {
  workerId: string;
  fairId: string;
  priority: Priority;
  checkedIn: boolean;
}

/** Fourteen workers at fair A (ten checked in), four at fair B (two checked in). */
export const fairWorkers: ScriptedWorker[] = [
  ...Array.from({ length: 14 }, (_, i) => ({
    workerId: `jf-worker-a${String(i).padStart(2, '0')}`,
    fairId: FAIR_A,
    priority: { ...NONE, poorHousehold: i % 4 === 0, ethnicMinority: i % 3 === 0, disability: i === 5, youth: i % 2 === 1 },
    checkedIn: i < 10,
  })),
  ...Array.from({ length: 4 }, (_, i) => ({
    workerId: `jf-worker-b${String(i).padStart(2, '0')}`,
    fairId: FAIR_B,
    priority: { ...NONE, backFromAbroad: i < 3, nearPoorHousehold: i === 3 },
    checkedIn: i < 2,
  })),
];

export const fairBooths = [
  { boothId: 'booth-hist-a1', fairId: FAIR_A, label: 'B01', employerId: 'jf-employer-1', employerName: 'Công ty Điện tử Sông Công' },
  { boothId: 'booth-hist-a2', fairId: FAIR_A, label: 'B02', employerId: 'jf-employer-2', employerName: 'Công ty May Phú Bình' },
  { boothId: 'booth-hist-a3', fairId: FAIR_A, label: 'B10', employerId: 'jf-employer-3', employerName: '=Công ty Xây dựng' },
  { boothId: 'booth-hist-b1', fairId: FAIR_B, label: 'Online 1', employerId: 'jf-employer-1', employerName: 'Công ty Điện tử Sông Công' },
];

export interface ScriptedInterview {
  interviewId: string;
  boothId: string;
  workerId: string;
  path: Step[];
}

const interview = (n: number, boothId: string, worker: string, path: Step[]): ScriptedInterview => ({
  interviewId: `jf-interview-${String(n).padStart(2, '0')}`,
  boothId,
  workerId: worker,
  path,
});

/** Every kind of path: still scheduled, cancelled, held, no-show, offered, hired after an offer, hired without one. */
export const fairInterviews: ScriptedInterview[] = [
  interview(1, 'booth-hist-a1', 'jf-worker-a00', ['held', 'offered', 'hired']),
  interview(2, 'booth-hist-a1', 'jf-worker-a01', ['held', 'hired']),
  interview(3, 'booth-hist-a1', 'jf-worker-a02', ['no-show']),
  interview(4, 'booth-hist-a1', 'jf-worker-a03', ['cancelled']),
  interview(5, 'booth-hist-a1', 'jf-worker-a04', []),
  interview(6, 'booth-hist-a2', 'jf-worker-a00', ['held']),
  interview(7, 'booth-hist-a2', 'jf-worker-a05', ['held', 'offered']),
  interview(8, 'booth-hist-a2', 'jf-worker-a06', ['held', 'hired']),
  interview(9, 'booth-hist-a2', 'jf-worker-a03', ['held']),
  interview(10, 'booth-hist-a3', 'jf-worker-a07', ['cancelled']),
  interview(11, 'booth-hist-a3', 'jf-worker-a09', ['no-show']),
  interview(12, 'booth-hist-b1', 'jf-worker-b00', ['held', 'offered', 'hired']),
  interview(13, 'booth-hist-b1', 'jf-worker-b01', ['held']),
  interview(14, 'booth-hist-b1', 'jf-worker-b03', ['cancelled']),
];

const OUTCOME: Record<Exclude<Step, 'cancelled'>, 'interview-held' | 'no-show' | 'offer-made' | 'hired'> = {
  held: 'interview-held',
  'no-show': 'no-show',
  offered: 'offer-made',
  hired: 'hired',
};

export const placementIdOf = (interviewId: string): string => `plc_${interviewId.replace(/-/g, '')}`;

const fairSnapshot = (fairId: string, version: number, title: string) =>
  fairId === FAIR_A
    ? {
        fairId,
        version,
        title,
        theme: 'youth' as const,
        status: 'scheduled' as const,
        format: 'in-person' as const,
        startsAt: '2026-03-10T01:00:00.000Z',
        endsAt: '2026-03-10T09:00:00.000Z',
        venue: { kind: 'centre' as const, name: 'Trung tâm Dịch vụ việc làm Thái Nguyên', communeCode: '05443' },
        capacity: 200,
        updatedAt: '2026-02-01T00:00:00.000Z',
      }
    : {
        fairId,
        version,
        title,
        theme: 'back-from-abroad' as const,
        status: 'scheduled' as const,
        format: 'online' as const,
        startsAt: '2026-05-20T02:00:00.000Z',
        endsAt: '2026-05-20T06:00:00.000Z',
        onlineLink: 'https://meet.example.vn/fair-b',
        capacity: 50,
        updatedAt: `2026-04-0${version}T00:00:00.000Z`,
      };

/** The events of the script in the order the jobfairs service would publish them. */
export function fairHistory(): Input[] {
  const events: Input[] = [
    { type: 'jobfair.scheduled', subject: FAIR_A, data: fairSnapshot(FAIR_A, 1, 'Phiên giao dịch việc làm thanh niên') },
    { type: 'jobfair.scheduled', subject: FAIR_B, data: fairSnapshot(FAIR_B, 1, 'Phiên trực tuyến lao động về nước') },
    { type: 'jobfair.updated', subject: FAIR_B, data: fairSnapshot(FAIR_B, 2, 'Phiên trực tuyến lao động về nước (đổi giờ)') },
  ];
  for (const b of fairBooths) {
    events.push({ type: 'jobfair.booth-registered', subject: b.fairId, data: { ...b, version: 1, vacancyIds: [`jf-vacancy-${b.boothId}`], registeredAt: '2026-02-10T00:00:00.000Z' } });
  }
  const titleOf = (fairId: string) => (fairId === FAIR_A ? 'Phiên A' : 'Phiên B');
  for (const [i, w] of fairWorkers.entries()) {
    events.push({
      type: 'jobfair.worker-registered',
      subject: w.fairId,
      data: { fairId: w.fairId, registrationId: `jf-reg-${w.workerId}`, workerId: w.workerId, channel: i % 2 ? 'staff' : 'self-service', priority: w.priority, fairTitle: titleOf(w.fairId), fairStartsAt: '2026-03-10T01:00:00.000Z', registeredAt: `2026-02-${String(11 + (i % 15)).padStart(2, '0')}T03:00:00.000Z` },
    });
  }
  for (const w of fairWorkers.filter((x) => x.checkedIn)) {
    events.push({ type: 'jobfair.checked-in', subject: w.fairId, data: { fairId: w.fairId, registrationId: `jf-reg-${w.workerId}`, workerId: w.workerId, priority: w.priority, checkedInAt: '2026-03-10T01:30:00.000Z' } });
  }
  for (const [n, iv] of fairInterviews.entries()) {
    const booth = fairBooths.find((b) => b.boothId === iv.boothId)!;
    const worker = fairWorkers.find((w) => w.workerId === iv.workerId)!;
    const startsAt = `2026-03-10T0${2 + (n % 6)}:00:00.000Z`;
    const endsAt = `2026-03-10T0${2 + (n % 6)}:15:00.000Z`;
    const common = { fairId: booth.fairId, interviewId: iv.interviewId, slotId: `jf-slot-${iv.interviewId}`, boothId: booth.boothId, workerId: iv.workerId, employerId: booth.employerId, employerName: booth.employerName, vacancyTitle: 'Công nhân', fairTitle: titleOf(booth.fairId), startsAt, endsAt };
    events.push({ type: 'jobfair.interview.scheduled', subject: booth.fairId, data: { ...common, version: 1, boothLabel: booth.label, vacancyId: `jf-vacancy-${booth.boothId}`, mode: 'in-person', place: 'Gian hàng', at: '2026-03-01T00:00:00.000Z' } });
    for (const [s, step] of iv.path.entries()) {
      const version = s + 2;
      if (step === 'cancelled') {
        events.push({ type: 'jobfair.interview.cancelled', subject: booth.fairId, data: { ...common, version, reason: 'worker-cancelled', at: '2026-03-05T00:00:00.000Z' } });
        continue;
      }
      events.push({
        type: 'jobfair.outcome-recorded',
        subject: booth.fairId,
        data: {
          fairId: booth.fairId,
          interviewId: iv.interviewId,
          version,
          boothId: booth.boothId,
          employerId: booth.employerId,
          vacancyId: `jf-vacancy-${booth.boothId}`,
          workerId: iv.workerId,
          outcome: OUTCOME[step],
          priority: worker.priority,
          ...(step === 'hired' ? { placementId: placementIdOf(iv.interviewId) } : {}),
          at: '2026-03-10T08:00:00.000Z',
        },
      });
    }
  }
  return events;
}

/** The numbers the script implies, computed from the script alone. */
export function expectedFair(fairId: string) {
  const workers = fairWorkers.filter((w) => w.fairId === fairId);
  const interviews = fairInterviews.filter((iv) => fairBooths.find((b) => b.boothId === iv.boothId)?.fairId === fairId);
  const last = (iv: ScriptedInterview) => iv.path.at(-1);
  const has = (iv: ScriptedInterview, step: Step) => iv.path.includes(step);
  const booth = (boothId: string) => {
    const mine = interviews.filter((iv) => iv.boothId === boothId);
    const live = mine.filter((iv) => last(iv) !== 'cancelled');
    return {
      interviewsScheduled: live.length,
      interviewsCancelled: mine.length - live.length,
      interviewsHeld: live.filter((iv) => has(iv, 'held')).length,
      noShows: live.filter((iv) => has(iv, 'no-show')).length,
      offers: live.filter((iv) => has(iv, 'offered') || has(iv, 'hired')).length,
      hires: live.filter((iv) => has(iv, 'hired')).length,
    };
  };
  const groups = ['poorHousehold', 'nearPoorHousehold', 'recentlyOutOfPoverty', 'ethnicMinority', 'disability', 'backFromAbroad', 'demobilised', 'youth', 'any'] as const;
  const member = (w: ScriptedWorker, g: (typeof groups)[number]) => (g === 'any' ? Object.values(w.priority).some(Boolean) : w.priority[g]);
  const distinct = (pred: (iv: ScriptedInterview) => boolean) => new Set(interviews.filter(pred).map((iv) => iv.workerId));
  const interviewed = distinct((iv) => has(iv, 'held'));
  const hired = distinct((iv) => has(iv, 'hired'));
  return {
    registered: workers.length,
    checkedIn: workers.filter((w) => w.checkedIn).length,
    attendanceRate: Math.round((workers.filter((w) => w.checkedIn).length / workers.length) * 1000) / 1000,
    booths: fairBooths
      .filter((b) => b.fairId === fairId)
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((b) => ({ label: b.label, ...booth(b.boothId) })),
    priorityReach: groups.map((g) => ({
      group: g,
      registered: workers.filter((w) => member(w, g)).length,
      checkedIn: workers.filter((w) => w.checkedIn && member(w, g)).length,
      interviewed: workers.filter((w) => interviewed.has(w.workerId) && member(w, g)).length,
      hired: workers.filter((w) => hired.has(w.workerId) && member(w, g)).length,
    })),
  };
}
