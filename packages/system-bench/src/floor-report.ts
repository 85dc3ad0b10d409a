import { perSecond, steadyRate } from './stats.js';
import type { Row } from './table.js';

export interface FloorFigures {
  messages: number;
  received: number;
  seconds: number;
  points: readonly (readonly [number, number])[];
  complete: boolean;
}

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
  const note = `${floor.complete ? '' : `NOT all through (${floor.received} of ${floor.messages}); `}CPU ${cpu.total.toFixed(2)} ms/msg (infrastructure, stages, bench)`;
  return ['floor: 2 hops, 1 insertMany doc each, no logic', floor.received, floor.seconds.toFixed(1), perSecond(floor.received / floor.seconds), perSecond(steady), percent(steady / rawRate), note];
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
  const busy = (cpu.total * floor.received) / floor.seconds / 1000;
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
    `floor: ${perSecond(rate)}/s (${percent(share)} of raw), ${cpu.total.toFixed(2)} ms of CPU per message (${cpuList(cpu)}); it kept ${busy.toFixed(2)} of ${cores} cores busy; at that price ${cores} cores allow at most ${perSecond((cores * 1000) / cpu.total)}/s`,
    `goal ≥ ${perSecond(goal)}/s and ≥ ${percent(goalShare)} of raw is reachable only if the floor is above it: ${rateText}, ${cpuText} → ${conclusion}`,
  ];
}
