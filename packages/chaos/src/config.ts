import { z } from 'zod';

/** How big a run is: the short form runs in CI after every other test, the full form by hand (`pnpm test:chaos`). */
export interface ChaosProfile {
  mode: 'short' | 'full';
  /** How long faults are injected, under load. */
  faultsMs: number;
  workers: number;
  employers: number;
  vacancies: number;
  hires: number;
  /** Bound on the wait for the system to settle once the faults stop. */
  settleMs: number;
  /** Seconds a broker or FerretDB stays down. */
  downSeconds: { min: number; max: number };
}

const PROFILES: Record<ChaosProfile['mode'], Omit<ChaosProfile, 'mode'>> = {
  short: { faultsMs: 75_000, workers: 120, employers: 4, vacancies: 16, hires: 6, settleMs: 420_000, downSeconds: { min: 5, max: 10 } },
  full: { faultsMs: 300_000, workers: 400, employers: 8, vacancies: 40, hires: 16, settleMs: 900_000, downSeconds: { min: 8, max: 20 } },
};

const port = z.coerce.number().int().min(1).max(65_535);

/** The environment of a chaos run, read once. The infra scripts read the same variables (infra/env.sh). */
export const chaosEnvSchema = z.object({
  KETNOI_CHAOS: z.enum(['short', 'full']).default('full'),
  KETNOI_CHAOS_SEED: z.coerce.number().int().nonnegative().default(20_251_126),
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  KAFKA_PORT: port.default(9092),
  FERRETDB_PORT: port.default(27_017),
});
export type ChaosEnv = z.output<typeof chaosEnvSchema>;

export interface ChaosConfig {
  profile: ChaosProfile;
  seed: number;
  /** The environment handed to infra/kafka/kafka.sh and infra/ferretdb/ferretdb.sh (their data dir and ports). */
  infraEnv: Record<string, string>;
}

/**
 * Reads the run's settings. Refuses a broker list that is not the broker the
 * infra scripts would kill (KAFKA_PORT): killing somebody else's Kafka is worse
 * than not running.
 */
export function loadChaosConfig(env: Record<string, string | undefined>): ChaosConfig {
  const parsed = chaosEnvSchema.parse(env);
  const brokers = parsed.KAFKA_BROKERS.split(',');
  if (brokers.length !== 1 || !brokers[0]!.endsWith(`:${parsed.KAFKA_PORT}`)) {
    throw new Error(`KAFKA_BROKERS (${parsed.KAFKA_BROKERS}) is not the one broker on KAFKA_PORT (${parsed.KAFKA_PORT}) that the chaos run kills and restarts`);
  }
  const infraEnv = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return { profile: { mode: parsed.KETNOI_CHAOS, ...PROFILES[parsed.KETNOI_CHAOS] }, seed: parsed.KETNOI_CHAOS_SEED, infraEnv };
}
