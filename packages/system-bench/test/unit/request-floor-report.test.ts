import { describe, expect, it } from 'vitest';
import type { ProcessUsage } from '../../src/proc.js';
import { requestCpu, requestFloorLines, type RequestFigures, type RequestFloorReport } from '../../src/request-floor-report.js';

const used = (cpu: Record<string, number>): ProcessUsage[] => Object.entries(cpu).map(([name, cpuSeconds]) => ({ name, cpuSeconds, cpuPercent: 0, peakRss: 0 }));
const summary = (p50: number, p99: number) => ({ count: 1000, p50, p99, max: p99 });

/** 1,000 requests at 100/s: 5 s of CPU on the POST's path (5.00 ms each), the bench and the idle services beside. */
const floor100: RequestFigures = {
  target: 100,
  sent: 1000,
  ok: 1000,
  achieved: 99.5,
  http: summary(20, 80),
  published: summary(30, 120),
  usage: used({ 'request floor': 1, ferretdb: 2, 'postgres (all processes)': 1.5, kafka: 0.5, 'bench (this process)': 3, matching: 0.2 }),
  relay: { reads: 700, sends: 650, events: 1000, marks: 10 },
};
const real100: RequestFigures = {
  target: 100,
  sent: 1000,
  ok: 800,
  achieved: 60,
  http: summary(900, 4000),
  published: summary(950, 4100),
  usage: used({ 'vacancy-intake': 12, ferretdb: 6, 'postgres (all processes)': 5, kafka: 1, 'bench (this process)': 3, matching: 4, analytics: 0.8 }),
};
const report = (over: Partial<RequestFloorReport> = {}): RequestFloorReport => ({
  floor: [{ ...floor100, target: 10, sent: 100, ok: 100 }, floor100],
  real: [real100],
  floorServer: 'request floor',
  realServer: 'vacancy-intake',
  floorExclude: ['bench (this process)', 'matching', 'vacancy-intake'],
  realExclude: ['bench (this process)'],
  cores: 2,
  goalRate: 100,
  goalP99Ms: 300,
  ...over,
});

describe('requestCpu', () => {
  it('gives the CPU per request of the server, FerretDB, PostgreSQL and Kafka, their sum, and the rest apart', () => {
    expect(requestCpu(real100.usage, 800, 'vacancy-intake', ['bench (this process)'])).toEqual({ server: 15, ferretdb: 7.5, postgres: 6.25, kafka: 1.25, others: 6, total: 30 });
  });

  it('counts what is excluded nowhere, and a process not measured as 0', () => {
    expect(requestCpu(used({ kafka: 1, x: 9 }), 1000, 'request floor', ['x'])).toEqual({ server: 0, ferretdb: 0, postgres: 0, kafka: 1, others: 0, total: 1 });
  });

  it('is unknown without requests answered', () => {
    expect(requestCpu(real100.usage, 0, 'vacancy-intake').total).toBeNaN();
  });
});

describe('requestFloorLines', () => {
  it('puts each rate of the floor beside the real POST at that rate', () => {
    const [table] = requestFloorLines(report());
    const rows = table!.split('\n').slice(2);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^request floor: same writes, no logic +10 +99\.5 +100\/100 +20 +80 +30 +120 +50\.00 +10\.00 +20\.00 +15\.00 +5\.00 +–$/u);
    expect(rows[1]).toMatch(/^request floor: same writes, no logic +100 +99\.5 +1000\/1000 +20 +80 +30 +120 +5\.00 +1\.00 +2\.00 +1\.50 +0\.50 +–$/u);
    expect(rows[2]).toMatch(/^real POST \(same run\) +100 +60\.0 +800\/1000 +900 +4000 +950 +4100 +30\.00 +15\.00 +7\.50 +6\.25 +1\.25 +6\.00$/u);
  });

  it('says what a POST with no logic costs at the goal\'s rate, in cores, against the real one of the same run', () => {
    const lines = requestFloorLines(report());
    expect(lines).toContain(
      'request floor: a POST with no logic costs 5.00 ms CPU (server 1.00, FerretDB 2.00, PostgreSQL 1.50, Kafka 0.50) at 100/s; at 100/s that is 0.50 of 2 cores; at that price 2 cores allow at most 400/s',
    );
    expect(lines).toContain(
      'real POST at 100/s in this run: 30.00 ms CPU (vacancy-intake 15.00, FerretDB 7.50, PostgreSQL 6.25, Kafka 1.25; the other services 6.00 more), 6.0× the floor: the service\'s own work is at most 25.00 ms of it',
    );
    expect(lines).toContain('e2e goal p99 ≤ 300 ms at 100/s: with no logic the event is on Kafka at p99 120 ms after the request\'s due time (at 100/s), leaving matching ≤ 180 ms');
    expect(lines).toContain('  the floor\'s relay at 100/s: 1000 events in 650 sends (1.5 per send) from 700 reads; 10 marks');
  });

  it('speaks of the goal\'s rate when faster ones were run too', () => {
    const lines = requestFloorLines(report({ floor: [floor100, { ...floor100, target: 200, ok: 2000 }] }));
    expect(lines.find((l) => l.startsWith('request floor:'))).toMatch(/costs 5\.00 ms CPU .* at 100\/s; /u);
  });

  it('speaks of the fastest rate run when the goal\'s was not, and says when not all were answered or the goal is passed before matching', () => {
    const slow = { ...floor100, target: 50, ok: 490, sent: 500, published: summary(100, 400), relay: { reads: 9, sends: 9, events: 490, marks: 0, unmarked: 490 } };
    const lines = requestFloorLines(report({ floor: [{ ...floor100, target: 10 }, slow], real: [] }));
    expect(lines.find((l) => l.startsWith('request floor:'))).toMatch(/at 50\/s \(only 490 of 500 answered 201\); at 100\/s that is 1\.02 of 2 cores; at that price 2 cores allow at most 196\/s$/u);
    expect(lines.some((l) => l.startsWith('real POST'))).toBe(false);
    expect(lines.at(-1)).toMatch(/p99 400 ms .*over the goal before matching starts$/u);
    expect(lines).toContain('  the floor\'s relay at 50/s: 490 events in 9 sends (54.4 per send) from 9 reads; 0 marks (490 versions not yet marked at its end)');
  });
});
