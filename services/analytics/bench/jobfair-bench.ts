/**
 * How long the job-fair reports take, in memory (no broker or database):
 * BENCH_FAIRS fairs (default 200) of BENCH_ATTENDEES workers each (default
 * 1,000), 40 booths and one to two interviews per worker.
 * Run: pnpm --filter @ketnoi/analytics bench:jobfairs
 */
import { performance } from 'node:perf_hooks';
import type { JobFairDocs, JobFairKind } from '../src/domain/jobfair-projections.js';
import { JobFairs, type JobFairSink } from '../src/use-cases/jobfairs.js';

const FAIRS = Number(process.env.BENCH_FAIRS ?? 200);
const ATTENDEES = Number(process.env.BENCH_ATTENDEES ?? 1_000);
const BOOTHS = 40;
const noGroups = { poorHousehold: false, nearPoorHousehold: false, recentlyOutOfPoverty: false, ethnicMinority: false, disability: false, backFromAbroad: false, demobilised: false, youth: false };
const STATUSES = ['scheduled', 'cancelled', 'held', 'no-show', 'offered', 'hired'] as const;

const sink: JobFairSink = {
  load: async <K extends JobFairKind>() => [] as JobFairDocs[K][],
  save: async () => undefined,
  saveMany: async () => undefined,
};

const time = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
  const start = performance.now();
  const result = await run();
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
  return result;
};

const fairs = new JobFairs(sink, () => false);
let events = 0;
await time(`applying the events of ${FAIRS} fairs × ${ATTENDEES} workers`, async () => {
  for (let f = 0; f < FAIRS; f += 1) {
    const fairId = `bench-fair-${f}`;
    const startsAt = new Date(Date.UTC(2024, 0, 1) + f * 2 * 86_400_000).toISOString();
    await fairs.applyFair({ fairId, version: 1, title: `Phiên ${f}`, theme: 'general', status: 'closed', format: 'in-person', startsAt, endsAt: startsAt.replace('T00', 'T08'), venue: { kind: 'commune', name: 'UBND xã', communeCode: String(5400 + (f % 90)).padStart(5, '0') }, capacity: ATTENDEES, updatedAt: startsAt });
    for (let b = 0; b < BOOTHS; b += 1) {
      await fairs.applyBooth({ fairId, boothId: `bench-booth-${f}-${b}`, version: 1, employerId: `bench-employer-${b}`, employerName: `Công ty ${b}`, label: `B${b}`, vacancyIds: [`bench-vacancy-${b}`], registeredAt: startsAt });
    }
    for (let w = 0; w < ATTENDEES; w += 1) {
      const workerId = `bench-worker-${(f * 7919 + w) % 1_000_000}`;
      const priority = { ...noGroups, ethnicMinority: w % 4 === 0, poorHousehold: w % 9 === 0, youth: w % 3 === 0 };
      await fairs.applyAttendee({ kind: 'registered', fairId, workerId, priority, at: startsAt });
      if (w % 5 !== 0) await fairs.applyAttendee({ kind: 'checked-in', fairId, workerId, priority, at: startsAt });
      for (let i = 0; i < 1 + (w % 2); i += 1) {
        const status = STATUSES[(w + i) % STATUSES.length]!;
        await fairs.applyInterview({ interviewId: `bench-iv-${f}-${w}-${i}`, fairId, version: 3, boothId: `bench-booth-${f}-${(w + i) % BOOTHS}`, workerId, status, ...(status === 'hired' ? { placementId: `plc_${f}_${w}_${i}` } : {}) });
      }
      events += 2 + (w % 2);
    }
  }
});
console.log(`(${events + FAIRS * (BOOTHS + 1)} events)`);
await time('one fair\'s report', () => fairs.report('bench-fair-7'));
const list = await time(`the list of ${FAIRS} fairs with headline figures`, () => fairs.fairList().map((f) => fairs.report(f._id)!.fair));
await time('the same list again (reports cached until their fair changes)', () => fairs.fairList().map((f) => fairs.report(f._id)!.fair));
console.log(`hires over all fairs: ${list.reduce((s, f) => s + f.hires, 0)}`);
console.log(`heap: ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
