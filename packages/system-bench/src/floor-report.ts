import { perSecond, steadyRate } from './stats.js';
import type { Row } from './table.js';

export interface FloorFigures {
  /** In the lines below the table (default `floor`). */
  name?: string;
  /** The row's label (default the two-hop floor's). */
  label?: string;
  /** What its CPU is counted per: a message (two hops), or a worker (a structural floor: one ingest message each). Default `message`. */
  unit?: 'message' | 'worker';
  messages: number;
  received: number;
  seconds: number;
  /** Until every group had consumed all (the phase's end, over which its CPU was sampled); default `seconds`. */
  drainSeconds?: number;
  /** Groups that had not consumed all by the deadline. */
  undrained?: readonly string[];
  points: readonly (readonly [number, number])[];
  complete: boolean;
}

const TWO_HOP_LABEL = 'floor: 2 hops, 1 insertMany doc each, no logic';
const unitOf = (floor: FloorFigures) => floor.unit ?? 'message';
const shortUnit = (floor: FloorFigures) => (unitOf(floor) === 'message' ? 'msg' : 'worker');

export interface CpuPerMessage {
  total: number;
  byProcess: readonly { name: string; ms: number }[];
}

const percent = (value: number) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : '–');
const cpuList = (cpu: CpuPerMessage) => cpu.byProcess.map((p) => `${p.name} ${p.ms.toFixed(2)}`).join(', ');

/** The floor's rate: steady (10%–90% of what came through) where there is one, else the mean. */
export function floorRate(floor: FloorFigures): number {
  const steady = steadyRate(floor.points);
  return Number.isFinite(steady) ? steady : floor.received / floor.seconds;
}

/** The floor's row of the throughput table, under the raw limit's. */
export function floorRow(floor: FloorFigures, rawRate: number, cpu: CpuPerMessage): Row {
  const steady = steadyRate(floor.points);
  const left = floor.undrained?.length ? `${floor.undrained.length} group/topic pairs not done; ` : '';
  const note = `${floor.complete ? '' : `NOT all through (${floor.received} of ${floor.messages}); ${left}`}CPU ${cpu.total.toFixed(2)} ms/${shortUnit(floor)} (infrastructure, stages, bench)`;
  return [floor.label ?? TWO_HOP_LABEL, floor.received, floor.seconds.toFixed(1), perSecond(floor.received / floor.seconds), perSecond(steady), percent(steady / rawRate), note];
}

/**
 * What the floor implies for the ingest goal. The pipeline does more per
 * worker than the floor per message, so it can go neither faster than the
 * floor did nor past what the cores allow at the floor's CPU price; the CPU
 * left per worker at the goal is all the services' own work may cost.
 */
export function floorVerdict(input: { floor: FloorFigures; rawRate: number; cpu: CpuPerMessage; cores: number; goal: number; goalShare: number }): string[] {
  const { floor, rawRate, cpu, cores, goal, goalShare } = input;
  const rate = floorRate(floor);
  const share = rate / rawRate;
  // Cores the floor's processes kept busy, on average over the phase.
  const busy = (cpu.total * floor.received) / (floor.drainSeconds ?? floor.seconds) / 1000;
  const budget = (cores * 1000) / goal;
  const left = budget - cpu.total;
  const rateMet = floor.complete && rate >= goal && share >= goalShare;
  const rateText = rateMet ? `its rate is (${percent(rate / goal)} of ${perSecond(goal)}/s)` : `its rate is NOT (${percent(rate / goal)} of ${perSecond(goal)}/s${floor.complete ? '' : ', not all through'})`;
  const cpuText = `its CPU ${left >= 0 ? 'is' : 'is NOT'} (${cpu.total.toFixed(2)} of the ${budget.toFixed(2)} ms ${cores} cores give a worker at ${perSecond(goal)}/s)`;
  const conclusion =
    left < 0
      ? 'NOT reachable with this stack on this machine, whatever the services do'
      : rateMet
        ? `reachable only if the services' own work costs ≤ ${left.toFixed(2)} ms of CPU per worker`
        : `NOT reached even without logic in this run, ${(cores - busy).toFixed(2)} of ${cores} cores not used by it (other work on the machine, or idle while it waited on round trips); at best the services' own work would have ${left.toFixed(2)} ms of CPU per worker`;
  return [
    `${floor.name ?? 'floor'}: ${perSecond(rate)}/s (${percent(share)} of raw), ${cpu.total.toFixed(2)} ms of CPU per ${unitOf(floor)} (${cpuList(cpu)}); it kept ${busy.toFixed(2)} of ${cores} cores busy; at that price ${cores} cores allow at most ${perSecond((cores * 1000) / cpu.total)}/s`,
    `goal ≥ ${perSecond(goal)}/s and ≥ ${percent(goalShare)} of raw is reachable only if the ${floor.name ?? 'floor'} is above it: ${rateText}, ${cpuText} → ${conclusion}`,
  ];
}
