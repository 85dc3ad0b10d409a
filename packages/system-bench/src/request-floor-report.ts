import type { ProcessUsage } from './proc.js';
import { ms, perSecond, type Summary } from './stats.js';
import { renderTable, type Row } from './table.js';

/** A POST's CPU (ms per request answered), by who spent it. */
export interface RequestCpu {
  server: number;
  ferretdb: number;
  postgres: number;
  kafka: number;
  /** Every other process measured (in the real phases: the other services, matching first). */
  others: number;
  /** Server, FerretDB, PostgreSQL and Kafka: the POST's own path (others left out). */
  total: number;
}

/** One rate of the floor or of the real POST: what the table and the verdict need. */
export interface RequestFigures {
  target: number;
  sent: number;
  ok: number;
  achieved: number;
  http: Summary;
  /** From the request's due time to its vacancy.opened on Kafka (real: where it reaches vacancies.v1). */
  published?: Summary;
  usage: readonly ProcessUsage[];
  /** The floor's outbox relay over the phase. */
  relay?: { reads: number; sends: number; events: number; marks: number; unmarked?: number };
}

export const INFRA_NAMES = { ferretdb: 'ferretdb', postgres: 'postgres (all processes)', kafka: 'kafka' } as const;

/** CPU ms per request answered of `server`, the infrastructure and the rest (`exclude`: not counted at all, e.g. the bench). */
export function requestCpu(usage: readonly ProcessUsage[], requests: number, server: string, exclude: readonly string[] = []): RequestCpu {
  const per = (name: string) => (requests > 0 ? ((usage.find((p) => p.name === name)?.cpuSeconds ?? 0) * 1000) / requests : Number.NaN);
  const named = new Set<string>([server, ...Object.values(INFRA_NAMES), ...exclude]);
  const others = requests > 0 ? usage.filter((p) => !named.has(p.name)).reduce((sum, p) => sum + (p.cpuSeconds * 1000) / requests, 0) : Number.NaN;
  const cpu = { server: per(server), ferretdb: per(INFRA_NAMES.ferretdb), postgres: per(INFRA_NAMES.postgres), kafka: per(INFRA_NAMES.kafka), others };
  return { ...cpu, total: cpu.server + cpu.ferretdb + cpu.postgres + cpu.kafka };
}

const cpuText = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');

function row(label: string, f: RequestFigures, cpu: RequestCpu, withOthers: boolean): Row {
  return [
    label,
    f.target,
    perSecond(f.achieved),
    `${f.ok}/${f.sent}`,
    ms(f.http.p50),
    ms(f.http.p99),
    ms(f.published?.p50 ?? Number.NaN),
    ms(f.published?.p99 ?? Number.NaN),
    cpuText(cpu.total),
    cpuText(cpu.server),
    cpuText(cpu.ferretdb),
    cpuText(cpu.postgres),
    cpuText(cpu.kafka),
    withOthers ? cpuText(cpu.others) : '–',
  ];
}

export interface RequestFloorReport {
  floor: readonly RequestFigures[];
  /** The real POST's phases of the same run (vacancy-intake's), if any. */
  real: readonly RequestFigures[];
  floorServer: string;
  realServer: string;
  /** Processes counted nowhere (the bench; in the floor's phases the idle services too). */
  floorExclude: readonly string[];
  realExclude: readonly string[];
  cores: number;
  /** The goal's rate (100/s) and e2e p99 (300 ms). */
  goalRate: number;
  goalP99Ms: number;
}

/** The phase the verdict speaks of: the one at the goal's rate, else the fastest run. */
const atGoal = (phases: readonly RequestFigures[], rate: number) => phases.find((p) => p.target === rate) ?? [...phases].sort((a, b) => b.target - a.target)[0];

/**
 * The request floor's table (each rate of the floor beside the real POST at
 * the same rate) and its verdict: what a POST with the same durable writes
 * and no logic costs, what that is at the goal's rate, and how far the real
 * POST of the same run is above it.
 */
export function requestFloorLines(input: RequestFloorReport): string[] {
  const { cores, goalRate, goalP99Ms } = input;
  const floorCpu = (f: RequestFigures) => requestCpu(f.usage, f.ok, input.floorServer, input.floorExclude);
  const realCpu = (f: RequestFigures) => requestCpu(f.usage, f.ok, input.realServer, input.realExclude);
  const rows: Row[] = [];
  for (const f of input.floor) {
    rows.push(row('request floor: same writes, no logic', f, floorCpu(f), false));
    const real = input.real.find((r) => r.target === f.target);
    if (real) rows.push(row('real POST (same run)', real, realCpu(real), true));
  }
  const lines = [
    renderTable(
      ['POST /v1/vacancies, open loop', 'target/s', 'ok/s', 'ok/sent', 'http p50 ms', 'http p99 ms', 'on Kafka p50 ms', 'on Kafka p99 ms', 'CPU ms/req', 'server', 'ferretdb', 'postgres', 'kafka', 'others'],
      rows,
    ),
    `on Kafka: from the request's due time to its vacancy.opened on the topic; CPU per request answered; server: the floor's process or vacancy-intake; others: the other services (matching's work on the event first), not in CPU ms/req`,
  ];
  for (const f of input.floor) {
    if (!f.relay) continue;
    const { reads, sends, events, marks, unmarked } = f.relay;
    const left = unmarked ? ` (${unmarked} versions not yet marked at its end)` : '';
    lines.push(`  the floor's relay at ${f.target}/s: ${events} events in ${sends} sends (${(events / Math.max(1, sends)).toFixed(1)} per send) from ${reads} reads; ${marks} marks${left}`);
  }
  const floor = atGoal(input.floor, goalRate);
  if (!floor) return lines;
  const cpu = floorCpu(floor);
  const busy = (cpu.total * goalRate) / 1000;
  const complete = floor.ok === floor.sent ? '' : ` (only ${floor.ok} of ${floor.sent} answered 201)`;
  lines.push(
    `request floor: a POST with no logic costs ${cpuText(cpu.total)} ms CPU (server ${cpuText(cpu.server)}, FerretDB ${cpuText(cpu.ferretdb)}, PostgreSQL ${cpuText(cpu.postgres)}, Kafka ${cpuText(cpu.kafka)}) at ${floor.target}/s${complete}; at ${goalRate}/s that is ${busy.toFixed(2)} of ${cores} cores; at that price ${cores} cores allow at most ${perSecond((cores * 1000) / cpu.total)}/s`,
  );
  const real = input.real.find((r) => r.target === floor.target);
  if (real) {
    const r = realCpu(real);
    lines.push(
      `real POST at ${real.target}/s in this run: ${cpuText(r.total)} ms CPU (vacancy-intake ${cpuText(r.server)}, FerretDB ${cpuText(r.ferretdb)}, PostgreSQL ${cpuText(r.postgres)}, Kafka ${cpuText(r.kafka)}; the other services ${cpuText(r.others)} more), ${(r.total / cpu.total).toFixed(1)}× the floor: the service's own work is at most ${cpuText(r.total - cpu.total)} ms of it`,
    );
  }
  if (floor.published && Number.isFinite(floor.published.p99)) {
    const left = goalP99Ms - floor.published.p99;
    lines.push(
      `e2e goal p99 ≤ ${goalP99Ms} ms at ${goalRate}/s: with no logic the event is on Kafka at p99 ${ms(floor.published.p99)} ms after the request's due time (at ${floor.target}/s), ${left > 0 ? `leaving matching ≤ ${ms(left)} ms` : 'over the goal before matching starts'}`,
    );
  }
  return lines;
}
