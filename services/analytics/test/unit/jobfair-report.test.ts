import type { jobFairsTopic, TopicEvent } from '@ketnoi/contracts';
import { jobFairsTopic as topic } from '@ketnoi/contracts';
import type { BatchItemOutcome } from '@ketnoi/messaging';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { countOnJobFairBatch, fairChangeOf } from '../../src/consumers/count-on-jobfair-event.js';
import { countInterviews } from '../../src/domain/jobfair-report.js';
import type { InterviewProjection, JobFairDocs, JobFairKind } from '../../src/domain/jobfair-projections.js';
import { reportRows, safeText } from '../../src/routes/jobfairs/columns.js';
import { JobFairs, type JobFairSink } from '../../src/use-cases/jobfairs.js';
import { expectedFair, FAIR_A, FAIR_B, fairHistory, placementIdOf } from '../jobfair-history.js';

class MemoryFairSink implements JobFairSink {
  readonly docs = new Map<string, Map<string, unknown>>();
  async load<K extends JobFairKind>(kind: K): Promise<JobFairDocs[K][]> {
    return [...(this.docs.get(kind)?.values() ?? [])].map((d) => structuredClone(d) as JobFairDocs[K]);
  }
  async save<K extends JobFairKind>(kind: K, doc: JobFairDocs[K]): Promise<void> {
    if (!this.docs.has(kind)) this.docs.set(kind, new Map());
    this.docs.get(kind)!.set(doc._id, structuredClone(doc));
  }
  async saveMany<K extends JobFairKind>(kind: K, docs: readonly JobFairDocs[K][], _isNew?: (id: string) => boolean): Promise<void> {
    for (const doc of docs) await this.save(kind, doc);
  }
}

type Event = TopicEvent<typeof jobFairsTopic>;
const events = (): Event[] =>
  fairHistory().map((input, i) => {
    const schema = topic.events.find((e) => e.type === input.type)!.data;
    return { specversion: '1.0', id: `evt-${i}`, source: '/test', time: '2026-03-10T00:00:00.000Z', ...input, data: schema.parse(input.data) } as Event;
  });
const batchContext = { topic: 'jobfairs.v1', partition: 0, attempt: 1, log: pino({ level: 'silent' }), heartbeat: async () => {} };
const items = (list: Event[]) => list.map((event, i) => ({ event, offset: String(i), headers: {} }));

/** The events through the consumer's batch handler, `size` at a time. */
async function projectInBatches(list: Event[], size: number, sink = new MemoryFairSink(), erased: Set<string> = new Set()) {
  const fairs = new JobFairs(sink, (id) => erased.has(id));
  await fairs.load();
  const handle = countOnJobFairBatch(() => fairs);
  const outcomes: BatchItemOutcome[] = [];
  for (let from = 0; from < list.length; from += size) outcomes.push(...((await handle(items(list.slice(from, from + size)), batchContext)) ?? []));
  return { fairs, sink, outcomes };
}

/** The events in batches of one (ANALYTICS_BATCH_SIZE=0): the baseline the larger batches are compared with. */
const project = (list: Event[], erased: Set<string> = new Set(), sink = new MemoryFairSink()) => projectInBatches(list, 1, sink, erased);

const shape = (fairs: JobFairs, fairId: string) => {
  const report = fairs.report(fairId)!;
  return {
    registered: report.fair.registered,
    checkedIn: report.fair.checkedIn,
    attendanceRate: report.fair.attendanceRate,
    booths: report.booths.map(({ label, interviewsScheduled, interviewsCancelled, interviewsHeld, noShows, offers, hires }) => ({
      label,
      interviewsScheduled,
      interviewsCancelled,
      interviewsHeld,
      noShows,
      offers,
      hires,
    })),
    priorityReach: report.priorityReach,
  };
};

const interview = (overrides: Partial<InterviewProjection>): InterviewProjection => ({
  _id: 'iv-1',
  fairId: 'fair-1',
  version: 1,
  boothId: 'booth-1',
  attendee: 'a1',
  status: 'scheduled',
  ...overrides,
});

describe('the job-fair report', () => {
  it('gives the attendance, booth and priority-group numbers the script implies', async () => {
    const { fairs } = await project(events());
    expect(shape(fairs, FAIR_A)).toEqual(expectedFair(FAIR_A));
    expect(shape(fairs, FAIR_B)).toEqual(expectedFair(FAIR_B));
    expect(fairs.report(FAIR_B)!.fair).toMatchObject({ title: 'Phiên trực tuyến lao động về nước (đổi giờ)', format: 'online', communeCode: null, booths: 1 });
    expect(fairs.report('fair-unknown')).toBeUndefined();
  });

  it('counts a hire without a recorded offer as an offer, and a hire as held', () => {
    const counts = countInterviews([interview({ _id: 'iv-1', status: 'hired', placementId: 'plc_1' }), interview({ _id: 'iv-2', status: 'held' })]);
    expect(counts).toMatchObject({ interviewsScheduled: 2, interviewsHeld: 2, offers: 1, hires: 1 });
  });

  it('does not count cancelled interviews as scheduled, and counts them apart', () => {
    const counts = countInterviews([interview({ _id: 'iv-1', status: 'cancelled' }), interview({ _id: 'iv-2' }), interview({ _id: 'iv-3', status: 'no-show' })]);
    expect(counts).toEqual({ interviewsScheduled: 2, interviewsCancelled: 1, interviewsHeld: 0, noShows: 1, offers: 0, hires: 0 });
  });

  it('counts one hire per placementId', () => {
    const counts = countInterviews([interview({ _id: 'iv-1', status: 'hired', placementId: 'plc_same' }), interview({ _id: 'iv-2', status: 'hired', placementId: 'plc_same' })]);
    expect(counts.hires).toBe(1);
  });

  it('ignores redeliveries and replays: every event twice, or the whole history again, gives the same numbers', async () => {
    const once = await project(events());
    const twice = await project(events().flatMap((e) => [e, e]));
    expect(twice.outcomes.filter((o) => o === 'duplicate')).toHaveLength(events().length);
    const replayed = await project(events(), new Set(), once.sink);
    expect(replayed.outcomes.every((o) => o === 'duplicate')).toBe(true);
    for (const fairId of [FAIR_A, FAIR_B]) {
      expect(shape(twice.fairs, fairId)).toEqual(expectedFair(fairId));
      expect(shape(replayed.fairs, fairId)).toEqual(expectedFair(fairId));
    }
  });

  it('ignores an older version of an interview delivered after a newer one', async () => {
    const list = events();
    const hired = list.find((e) => e.type === 'jobfair.outcome-recorded' && e.data.interviewId === 'jf-interview-01' && e.data.outcome === 'hired')!;
    const offered = list.find((e) => e.type === 'jobfair.outcome-recorded' && e.data.interviewId === 'jf-interview-01' && e.data.outcome === 'offer-made')!;
    const { fairs, outcomes } = await project([...list, offered]);
    expect(outcomes.at(-1)).toBe('duplicate');
    expect(shape(fairs, FAIR_A)).toEqual(expectedFair(FAIR_A));
    expect(hired.data).toMatchObject({ placementId: placementIdOf('jf-interview-01') });
  });

  it('gives the same report after a restart from the saved documents', async () => {
    const { sink } = await project(events());
    const restarted = new JobFairs(sink, () => false);
    await restarted.load();
    expect(shape(restarted, FAIR_A)).toEqual(expectedFair(FAIR_A));
    expect(restarted.fairList().map((f) => f._id)).toEqual([FAIR_A, FAIR_B]);
  });

  it('drops an erased worker id from the saved documents and keeps the counts', async () => {
    const { fairs, sink } = await project(events());
    expect(await fairs.eraseWorker('jf-worker-a00')).toBe(1);
    expect(await fairs.eraseWorker('jf-worker-a00')).toBe(0);
    expect(JSON.stringify([...sink.docs.values()].map((m) => [...m.values()]))).not.toContain('jf-worker-a00');
    expect(shape(fairs, FAIR_A)).toEqual(expectedFair(FAIR_A));
    // Events of a worker erased before they arrive (a replay) keep no id either, and count the same.
    const late = await project(events(), new Set(['jf-worker-a01']));
    expect(JSON.stringify([...late.sink.docs.values()].map((m) => [...m.values()]))).not.toContain('jf-worker-a01');
    expect(shape(late.fairs, FAIR_A)).toEqual(expectedFair(FAIR_A));
  });

  it('exports one table: a total row, a row per booth, a row per group, formulas defused', async () => {
    const { fairs } = await project(events());
    const rows = reportRows(fairs.report(FAIR_A)!);
    expect(rows.map((r) => r.section)).toEqual(['total', 'booth', 'booth', 'booth', ...Array(9).fill('priority-group')]);
    expect(rows[0]).toMatchObject({ registered: 14, checkedIn: 10, hires: 3 });
    expect(safeText('=Công ty Xây dựng')).toBe("'=Công ty Xây dựng");
    expect(safeText('Công ty')).toBe('Công ty');
  });
});

describe('the job-fair projections in batches', () => {
  const sorted = (sink: MemoryFairSink) => Object.fromEntries([...sink.docs].map(([kind, docs]) => [kind, [...docs.values()].sort((a, b) => String((a as { _id: string })._id).localeCompare(String((b as { _id: string })._id)))]));

  it('gives the same documents, reports and outcomes as batches of one, in one batch or in batches of 7', async () => {
    const single = await project(events());
    for (const size of [events().length, 7]) {
      const batched = await projectInBatches(events(), size);
      expect(sorted(batched.sink)).toEqual(sorted(single.sink));
      expect(batched.outcomes).toEqual(single.outcomes);
      expect(shape(batched.fairs, FAIR_A)).toEqual(expectedFair(FAIR_A));
      expect(batched.fairs.report(FAIR_B)).toEqual(single.fairs.report(FAIR_B));
    }
  });

  it('counts nothing twice when the whole history is delivered again in batches, and writes nothing', async () => {
    const { sink } = await projectInBatches(events(), 10);
    const before = sorted(sink);
    let writes = 0;
    const saveMany = sink.saveMany.bind(sink);
    sink.saveMany = async (kind, docs) => {
      writes += docs.length;
      return saveMany(kind, docs);
    };
    const again = await projectInBatches(events(), 10, sink);
    const applied = again.outcomes.filter((o) => o === 'ok').length;
    // Only consent and reminder events (which change nothing) are not duplicates.
    expect(applied).toBe(events().filter((e) => fairChangeOf(e) === undefined).length);
    expect(writes).toBe(0);
    expect(sorted(sink)).toEqual(before);
  });

  it('leaves memory unchanged when a batch fails to save, and counts everything once after a crash and redelivery', async () => {
    const sink = new MemoryFairSink();
    const fairs = new JobFairs(sink, () => false);
    const saveMany = sink.saveMany.bind(sink);
    sink.saveMany = async (kind, docs) => {
      if (kind === 'jobfair_attendees') throw new Error('killed');
      return saveMany(kind, docs);
    };
    const changes = events().flatMap((e) => fairChangeOf(e) ?? []);
    await expect(fairs.applyBatch(changes)).rejects.toThrow('killed');
    expect(fairs.fairList()).toEqual([]);
    sink.saveMany = saveMany;
    const restarted = await projectInBatches(events(), 1000, sink);
    expect(shape(restarted.fairs, FAIR_A)).toEqual(expectedFair(FAIR_A));
    expect(shape(restarted.fairs, FAIR_B)).toEqual(expectedFair(FAIR_B));
    expect(sorted(sink)).toEqual(sorted((await project(events())).sink));
  });
});
