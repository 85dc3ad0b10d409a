import { servicePriorities } from '@ketnoi/launcher';
import { loadConfig, namedValues } from '@ketnoi/service-kit';
import { z } from 'zod';

const items = z.string().transform((text) => text.split(',').map((s) => s.trim()).filter(Boolean));
const textList = items.pipe(z.array(z.string().min(1)).min(1));
const rateList = items.transform((parts) => parts.map(Number)).pipe(z.array(z.number().positive().max(10_000)).min(1));
const count = (fallback: number, max: number) => z.coerce.number().int().min(0).max(max).default(fallback);

/** Settings of `pnpm bench:system`, from the environment (an empty variable counts as unset). */
export const benchEnvSchema = z.object({
  /** Set both to use running infrastructure; unset, the bench starts its own (infra/infra.sh, ports below) and stops it after. */
  KAFKA_BROKERS: textList.optional(),
  MONGO_URL: z.string().startsWith('mongodb://').optional(),
  /**
   * FerretDB's backend when the bench starts its own infrastructure. PostgreSQL by default: on SQLite
   * (one writer per database file) the pipeline measured 3–5× slower in the same conditions (README).
   */
  FERRETDB_BACKEND: z.enum(['sqlite', 'postgresql']).default('postgresql'),
  /** Where infra.sh keeps pid files: read for Kafka's and FerretDB's CPU and RSS (default infra/.data, or the bench's own). */
  KETNOI_DATA_DIR: z.string().min(1).optional(),
  BENCH_KAFKA_PORT: z.coerce.number().int().min(1024).max(65535).default(19092),
  BENCH_FERRETDB_PORT: z.coerce.number().int().min(1024).max(65535).default(37017),
  BENCH_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(15433),
  /** Running services instead of starting them: then all of these, a staff token and the topic suffix they use (if any). */
  REGISTRATION_URL: z.url().optional(),
  VACANCY_INTAKE_URL: z.url().optional(),
  STAFF_TOKEN: z.string().min(1).optional(),
  BENCH_TOPIC_SUFFIX: z.string().regex(/^[A-Za-z0-9._-]+$/u).optional(),
  BENCH_GROUP_PREFIX: z.string().regex(/^[A-Za-z0-9._-]+$/u).optional(),
  /** Workers sent through ingest.workers.v1 (the ingest phase); they stay loaded for the latency phases. */
  BENCH_INGEST: count(1_000, 1_000_000),
  BENCH_INGEST_BATCH: z.coerce.number().int().min(1).max(5_000).default(500),
  BENCH_INGEST_TIMEOUT_S: z.coerce.number().int().min(5).max(3_600).default(180),
  /**
   * The floor phase after the raw limit (with BENCH_INGEST > 0): the ingest's two hops with one
   * insertMany and one produce each and no business logic, an upper bound for the pipeline (0: skipped).
   */
  BENCH_FLOOR: z.enum(['0', '1']).default('1'),
  /**
   * The structural floor after it (with BENCH_INGEST > 0): the ingest's whole topology with no business
   * logic (a process per service, their consumer groups, registration's documents, round trips and
   * outbox), whose CPU per worker bounds what the pipeline must spend from below (0: skipped).
   */
  BENCH_FLOOR_STRUCTURAL: z.enum(['0', '1']).default('1'),
  /**
   * The request floor after the vacancy phases, at their rates: POST /v1/vacancies served by a bare
   * server making only the real POST's durable round trips (request-floor-server.ts), whose CPU per
   * request bounds the real POST's from below (0: skipped).
   */
  BENCH_FLOOR_REQUEST: z.enum(['0', '1']).default('1'),
  /** Vacancies opened before the ingest, so matching has something to match workers against. */
  BENCH_SEED_VACANCIES: count(30, 10_000),
  /** Request rates (per second) of the POST /v1/vacancies → match.proposed phases. */
  BENCH_RATES: rateList.default([10, 100]),
  BENCH_WORKER_RATE: z.coerce.number().positive().max(10_000).default(50),
  BENCH_PHASE_S: z.coerce.number().positive().max(600).default(10),
  /** How long after a phase a vacancy may still get its first match.proposed. */
  BENCH_MATCH_WAIT_S: z.coerce.number().positive().max(600).default(10),
  /** FerretDB probe: sequential single-document inserts timed, then batches of BENCH_INGEST_BATCH (0: no probe). */
  BENCH_PROBE_WRITES: count(200, 10_000),
  BENCH_SEED: z.coerce.number().int().min(0).default(20251126),
  /** Keep the databases and topics after the run (default: dropped). */
  BENCH_KEEP: z.enum(['0', '1']).default('0'),
  /**
   * CPU priority of the services it starts, `service=nice,…` (the launcher's KETNOI_NICE, e.g.
   * `notification=10,analytics=10,jobfairs=10`); unset: all at 0, equal shares.
   */
  BENCH_SERVICE_NICE: servicePriorities,
  /** Settings for every service it starts, `NAME=value,NAME=value` (e.g. KAFKA_FETCH_MIN_BYTES=16384). */
  BENCH_SERVICE_ENV: namedValues().superRefine((values, ctx) => {
    for (const name of Object.keys(values)) if (!/^[A-Z][A-Z0-9_]*$/.test(name)) ctx.addIssue({ code: 'custom', message: `not NAME=value (an environment variable's name): ${name}` });
  }),
});

export type BenchEnv = z.output<typeof benchEnvSchema>;

const nonEmpty = z.preprocess(
  (env) => Object.fromEntries(Object.entries(env as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== '')),
  benchEnvSchema,
);

export const readBenchEnv = (env?: Record<string, string | undefined>): BenchEnv => (env ? loadConfig(nonEmpty, env) : loadConfig(nonEmpty));
