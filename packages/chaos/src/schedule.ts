import { mulberry32, type Random } from '@ketnoi/demo';
import { SERVICE_NAMES, type ServiceName } from '@ketnoi/launcher';

export type Fault =
  | { atMs: number; kind: 'kill-service'; service: ServiceName }
  | { atMs: number; kind: 'kill-kafka'; downMs: number }
  | { atMs: number; kind: 'stop-ferretdb'; downMs: number };

export interface Rebalance {
  atMs: number;
  /** A second instance of this service joins its consumer group. */
  service: ScalableService;
  /** Then leaves after this long... */
  lifeMs: number;
  /** ...cleanly (SIGTERM: the group rebalances at once) or killed (the group waits for the session timeout). */
  leave: 'SIGTERM' | 'SIGKILL';
}

/**
 * Services whose consumers are built for several instances in one group.
 * Matching and analytics keep in-memory state per instance and document that
 * a second instance splits it (their READMEs): they are killed and restarted
 * instead, which rebalances their groups too.
 */
export const SCALABLE_SERVICES = ['registration', 'notification'] as const;
export type ScalableService = (typeof SCALABLE_SERVICES)[number];

const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

export interface PlanOptions {
  seed: number;
  durationMs: number;
  downSeconds: { min: number; max: number };
}

/**
 * The faults of a run, from a seed: every service killed at least once, the
 * broker killed once and FerretDB stopped once per 150 s of faults (at least
 * once), more random service kills to fill the time, in a seeded random order
 * at jittered, roughly even moments.
 */
export function planFaults({ seed, durationMs, downSeconds }: PlanOptions): Fault[] {
  const random = mulberry32(seed);
  const infraRounds = Math.max(1, Math.round(durationMs / 150_000));
  const kinds: ('kafka' | 'ferretdb' | ServiceName)[] = [...SERVICE_NAMES];
  for (let i = 0; i < infraRounds; i += 1) kinds.push('kafka', 'ferretdb');
  // About one fault per 12 s in all.
  while (kinds.length < Math.floor(durationMs / 12_000)) kinds.push(SERVICE_NAMES[between(random, 0, SERVICE_NAMES.length - 1)]!);
  for (let i = kinds.length - 1; i > 0; i -= 1) {
    const j = between(random, 0, i);
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  const slot = durationMs / kinds.length;
  return kinds.map((kind, i) => {
    const atMs = Math.round(i * slot + random() * slot * 0.5);
    const downMs = between(random, downSeconds.min, downSeconds.max) * 1000;
    if (kind === 'kafka') return { atMs, kind: 'kill-kafka', downMs };
    if (kind === 'ferretdb') return { atMs, kind: 'stop-ferretdb', downMs };
    return { atMs, kind: 'kill-service', service: kind };
  });
}

/** A second instance added and removed again every few seconds, alternating between the scalable services. */
export function planRebalances({ seed, durationMs }: Pick<PlanOptions, 'seed' | 'durationMs'>): Rebalance[] {
  const random = mulberry32(seed ^ 0x5eed);
  const plan: Rebalance[] = [];
  let atMs = between(random, 2_000, 6_000);
  for (let i = 0; atMs < durationMs - 10_000; i += 1) {
    const lifeMs = between(random, 15_000, 25_000);
    plan.push({ atMs, service: SCALABLE_SERVICES[i % SCALABLE_SERVICES.length]!, lifeMs, leave: random() < 0.7 ? 'SIGTERM' : 'SIGKILL' });
    atMs += lifeMs + between(random, 3_000, 6_000);
  }
  return plan;
}
