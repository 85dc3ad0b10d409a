import { createDevIssuer, type Principal } from '@ketnoi/service-kit';
import { join } from 'node:path';
import { startSmsSink, type SmsSink } from '../sinks/sms-sink.js';
import { startSmtpSink, type SmtpSink } from '../sinks/smtp-sink.js';
import { SupervisedProcess, type SupervisorEvent } from '../supervisor/supervised-process.js';
import { waitUntilReady } from './readiness.js';
import { withSuffix } from '@ketnoi/messaging';
import { createTopics } from './topics.js';
import { loadOrCreateSecrets } from './secrets.js';
import { serviceEnv } from './service-env.js';
import { databaseName, DEFAULT_PORTS, SERVICE_NAMES, serverScript, type ServiceName } from './service-specs.js';

export interface StartSystemOptions {
  /** The repository: services run from `services/<name>/dist` (build first). */
  root: string;
  /** Keys (`run/secrets.json`), logs (`logs/<service>.log`) and the sinks' mail and SMS (`outbox/`). */
  dataDir: string;
  kafkaBrokers: readonly string[];
  mongoUrl: string;
  host?: string;
  ports?: Partial<Record<ServiceName, number>>;
  /** Database of each service: `<prefix><service>` (dashes as underscores); default `ketnoi_`. */
  databasePrefix?: string;
  /** A system of its own on shared infrastructure: topics `<name>.<suffix>`, groups `<prefix>.<the service's group>` (KETNOI_TOPIC_SUFFIX, KETNOI_GROUP_PREFIX). */
  topicSuffix?: string;
  groupPrefix?: string;
  /** Where notification sends; unset: local sinks writing to `<dataDir>/outbox/`. */
  smtpUrl?: string;
  smsGatewayUrl?: string;
  webhookAllowedHosts?: readonly string[];
  logLevel?: string;
  /** Extra variables per service (override the generated ones). */
  serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
  /**
   * CPU priority (nice, -20 to 19) per service; left out: 0. On one machine, the
   * services whose work may wait (notification, analytics, jobfairs) above 0
   * leave the CPU to the request path and matching under load (README).
   */
  nice?: Partial<Record<ServiceName, number>>;
  /** Each output line of each service, as written (pino JSON); the log files get them all anyway. `formatLine` makes one readable. */
  onLine?: (service: ServiceName, line: string) => void;
  /** Crashes, restarts, exits. */
  onEvent?: (event: SupervisorEvent) => void;
  readyTimeoutMs?: number;
  /** Life of the ready-made tokens. */
  tokenTtl?: string;
  otlpEndpoint?: string;
  /** Aborting while the services start stops the ones started and rejects. */
  signal?: AbortSignal;
}

export interface RunningSystem {
  urls: Record<ServiceName, string>;
  /** Bearer tokens of the dev identity provider every service trusts. */
  tokens: { staff: string; analyst: string; admin: string };
  /** Signs another token with the same dev issuer (e.g. a worker's `worker:<id>`). */
  issue: (principal: Principal, ttl?: string | number) => Promise<string>;
  databases: Record<ServiceName, string>;
  /** Physical name of a contract topic in this system. */
  topic: (contractName: string) => string;
  sinks: { smtp: SmtpSink | null; sms: SmsSink | null };
  processes: Record<ServiceName, SupervisedProcess>;
  /** Stops the services (SIGTERM, then SIGKILL) and the sinks. */
  stop: () => Promise<void>;
}

const AUTH = { issuer: 'urn:ketnoi:dev-issuer', audience: 'ketnoi' };

/**
 * Starts the six services as supervised child processes on the given Kafka
 * and MongoDB, with keys kept in `dataDir` and a dev identity provider, and
 * resolves once every one answers `/health/ready`.
 */
export async function startSystem(options: StartSystemOptions): Promise<RunningSystem> {
  const host = options.host ?? '127.0.0.1';
  const { secrets } = await loadOrCreateSecrets(join(options.dataDir, 'run', 'secrets.json'));
  const issuer = await createDevIssuer(AUTH);
  const outbox = join(options.dataDir, 'outbox');
  const smtp = options.smtpUrl ? null : await startSmtpSink({ dir: join(outbox, 'mail') });
  const sms = options.smsGatewayUrl ? null : await startSmsSink({ dir: outbox });
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const urls = Object.fromEntries(SERVICE_NAMES.map((s) => [s, `http://${host}:${ports[s]}`])) as Record<ServiceName, string>;
  const databases = Object.fromEntries(SERVICE_NAMES.map((s) => [s, databaseName(options.databasePrefix ?? 'ketnoi_', s)])) as Record<ServiceName, string>;

  const processes = Object.fromEntries(
    SERVICE_NAMES.map((service) => {
      const env = serviceEnv({
        service,
        host,
        port: ports[service],
        logLevel: options.logLevel ?? 'info',
        mongoUrl: options.mongoUrl,
        database: databases[service],
        kafkaBrokers: options.kafkaBrokers,
        auth: { ...AUTH, publicJwk: JSON.stringify(issuer.publicJwk) },
        secrets,
        smtpUrl: options.smtpUrl ?? smtp!.url,
        smsGatewayUrl: options.smsGatewayUrl ?? sms!.url,
        employerJwksUrl: `${urls['vacancy-intake']}/.well-known/jwks.json`,
        webhookAllowedHosts: options.webhookAllowedHosts ?? [],
        topicSuffix: options.topicSuffix,
        groupPrefix: options.groupPrefix,
        otlpEndpoint: options.otlpEndpoint,
        extra: options.serviceEnv?.[service],
      });
      const child = new SupervisedProcess({
        name: service,
        command: process.execPath,
        args: ['--disable-warning=TimeoutNegativeWarning', serverScript(options.root, service)],
        cwd: join(options.root, 'services', service),
        env: { ...env, NODE_ENV: 'production' },
        logFile: join(options.dataDir, 'logs', `${service}.log`),
        onLine: options.onLine ? (line) => options.onLine!(service, line) : undefined,
        onEvent: options.onEvent,
        nice: options.nice?.[service],
      });
      return [service, child];
    }),
  ) as Record<ServiceName, SupervisedProcess>;

  const stop = async () => {
    await Promise.all(Object.values(processes).map((p) => p.stop()));
    await Promise.all([smtp?.close(), sms?.close()]);
  };

  try {
    await createTopics(options.kafkaBrokers, options.topicSuffix ? withSuffix(options.topicSuffix) : undefined);
  } catch (error) {
    await stop();
    throw new Error(`creating the topics on ${options.kafkaBrokers.join(',')} failed: ${(error as Error).message}`, { cause: error });
  }
  for (const child of Object.values(processes)) child.start();
  try {
    await Promise.all(
      SERVICE_NAMES.map((service) =>
        waitUntilReady(urls[service], {
          timeoutMs: options.readyTimeoutMs ?? 120_000,
          abandoned: () =>
            options.signal?.aborted
              ? 'start aborted'
              : processes[service].gaveUp
                ? `${service} kept crashing; see ${join(options.dataDir, 'logs', `${service}.log`)}`
                : null,
        }),
      ),
    );
  } catch (error) {
    await stop();
    throw error;
  }

  const ttl = options.tokenTtl ?? '12h';
  const issue = (principal: Principal, tokenTtl: string | number = ttl) => issuer.issue(principal, tokenTtl);
  return {
    urls,
    tokens: {
      staff: await issue({ sub: 'staff:demo', roles: ['staff'] }),
      analyst: await issue({ sub: 'analyst:demo', roles: ['analyst'] }),
      admin: await issue({ sub: 'admin:demo', roles: ['admin'] }),
    },
    issue,
    databases,
    topic: (name) => (options.topicSuffix ? `${name}.${options.topicSuffix}` : name),
    sinks: { smtp, sms },
    processes,
    stop,
  };
}
