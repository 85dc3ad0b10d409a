/** The public side of a dev issuer (`createDevIssuer` of @ketnoi/service-kit). */
export interface ReplayIssuer {
  issuer: string;
  audience: string;
  publicKeyPem: string;
}

export interface ReplayRun {
  /** KAFKA_BROKERS, default the local broker. */
  brokers: string[];
  /** MONGO_URL, default the local FerretDB. */
  mongoUrl: string;
  /** REPLAY_MODES (default `0,500`): the batch sizes to time, 0 = batches of one event (as 1). */
  modes: number[];
  /** `<prefix>-<time>`: this run's own name, the suffix of its topics, groups and databases. */
  run: string;
  /** A number from the environment variable `name`, or the fallback. */
  count(name: string, fallback: number): number;
  /** The config variables of the service under replay: this run's infrastructure, a database of its own, the dev issuer's key, warn logs; then the service's own. */
  serviceEnv(dbName: string, issuer: ReplayIssuer, own?: Record<string, string>): Record<string, string>;
}

/**
 * What the services' replay-rate scripts read and build alike: they time one
 * service catching up on events published to fresh topics, once per batch size.
 */
export function replayRun(prefix: string, env: Readonly<Record<string, string | undefined>> = process.env): ReplayRun {
  const brokers = (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const mongoUrl = env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
  return {
    brokers,
    mongoUrl,
    modes: (env.REPLAY_MODES ?? '0,500').split(',').map(Number),
    run: `${prefix}-${Date.now().toString(36)}`,
    count: (name, fallback) => Number(env[name] ?? fallback),
    serviceEnv: (dbName, issuer, own = {}) => ({
      MONGO_URL: mongoUrl,
      MONGO_DB_NAME: dbName,
      KAFKA_BROKERS: brokers.join(','),
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
      AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
      LOG_LEVEL: 'warn',
      ...own,
    }),
  };
}

/** How a replay names a batch size in its results. */
export const replayMode = (batchSize: number): string => (batchSize <= 1 ? 'one event per batch' : `batches of up to ${batchSize}`);
