import { commaList, mongoUrl, optionalEnv } from '@ketnoi/service-kit';
import { z } from 'zod';
import { servicePriorities } from '../system/service-specs.js';

const count = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback);

/** What `./ketnoi run` reads from its environment (infra/env.sh sets the first four). */
export const launcherConfigSchema = z.object({
  KETNOI_DATA_DIR: z.string().min(1),
  KAFKA_BROKERS: commaList(),
  MONGO_URL: mongoUrl(),
  /** Address the services and the docs page listen on. */
  KETNOI_HOST: z.string().min(1).default('127.0.0.1'),
  /** The docs page listens on this port, the services on the next six (registration, vacancy-intake, matching, notification, analytics, jobfairs). */
  KETNOI_HTTP_PORT_BASE: z.coerce.number().int().min(1).max(65_530).default(3000),
  /** Database names are `<prefix><service>`. */
  KETNOI_DB_PREFIX: z.string().regex(/^[A-Za-z0-9_]*$/).default('ketnoi_'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  KETNOI_DEMO_WORKERS: count(2_000),
  KETNOI_DEMO_VACANCIES: count(200),
  KETNOI_DEMO_SEED: z.coerce.number().int().default(20250701),
  /** CPU priority per service, `service=nice,…` (servicePriorities); unset: all at 0. */
  KETNOI_NICE: servicePriorities,
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalEnv(z.url()),
  /** Set by a terminal that does not want colours. */
  NO_COLOR: optionalEnv(z.string()),
});
export type LauncherConfig = z.output<typeof launcherConfigSchema>;

export interface LauncherArgs {
  demo: boolean;
  infra: boolean;
  quiet: boolean;
  help: boolean;
}

/** `--no-demo`, `--no-infra` (use infrastructure that is already up, never stop it), `--quiet` (console: warnings only). */
export function parseArgs(argv: readonly string[]): LauncherArgs {
  const known = new Set(['--no-demo', '--no-infra', '--quiet', '--help', '-h']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')} (try --help)`);
  return {
    demo: !argv.includes('--no-demo'),
    infra: !argv.includes('--no-infra'),
    quiet: argv.includes('--quiet'),
    help: argv.includes('--help') || argv.includes('-h'),
  };
}

export const USAGE = `usage: ./ketnoi run [--no-demo] [--no-infra] [--quiet]
  --no-demo   start without streaming the demo data
  --no-infra  use Kafka and MongoDB that are already up (KAFKA_BROKERS, MONGO_URL); leave them up
  --quiet     console shows warnings and errors only (logs/<service>.log has everything)
environment: KETNOI_DATA_DIR, KAFKA_BROKERS, MONGO_URL, KETNOI_HOST, KETNOI_HTTP_PORT_BASE (3000),
  KETNOI_DB_PREFIX (ketnoi_), LOG_LEVEL, KETNOI_DEMO_WORKERS (2000), KETNOI_DEMO_VACANCIES (200), KETNOI_DEMO_SEED,
  KETNOI_NICE (CPU priority per service, e.g. notification=10,analytics=10,jobfairs=10)
`;
