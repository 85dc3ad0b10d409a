import { databaseName, serverScript, serviceEnv, SupervisedProcess, type ServiceName, type Secrets } from '@ketnoi/launcher';
import { join } from 'node:path';

export { freePorts } from '@ketnoi/launcher';

export interface InstanceContext {
  root: string;
  dataDir: string;
  kafkaBrokers: readonly string[];
  mongoUrl: string;
  secrets: Secrets;
  publicJwk: string;
  smtpUrl: string;
  smsGatewayUrl: string;
  employerJwksUrl: string;
  topicSuffix: string;
  groupPrefix: string;
  databasePrefix: string;
  serviceEnv: Partial<Record<ServiceName, Record<string, string>>>;
}

/**
 * One more process of a service of the system under test, configured as the
 * launcher configures its own (same topics; same consumer group and database
 * unless `groupPrefix`/`database` say otherwise), on its own port. Not
 * restarted when it dies: `maxRestarts: 0`.
 */
export function extraInstance(context: InstanceContext, service: ServiceName, port: number, label: string, overrides: { groupPrefix?: string; database?: string } = {}): SupervisedProcess {
  const env = serviceEnv({
    service,
    host: '127.0.0.1',
    port,
    logLevel: 'warn',
    mongoUrl: context.mongoUrl,
    database: overrides.database ?? databaseName(context.databasePrefix, service),
    kafkaBrokers: context.kafkaBrokers,
    auth: { issuer: 'urn:ketnoi:dev-issuer', audience: 'ketnoi', publicJwk: context.publicJwk },
    secrets: context.secrets,
    smtpUrl: context.smtpUrl,
    smsGatewayUrl: context.smsGatewayUrl,
    employerJwksUrl: context.employerJwksUrl,
    webhookAllowedHosts: [],
    topicSuffix: context.topicSuffix,
    groupPrefix: overrides.groupPrefix ?? context.groupPrefix,
    extra: context.serviceEnv[service],
  });
  return new SupervisedProcess({
    name: `${service}-${label}`,
    command: process.execPath,
    args: ['--disable-warning=TimeoutNegativeWarning', serverScript(context.root, service)],
    cwd: join(context.root, 'services', service),
    env: { ...env, NODE_ENV: 'production' },
    logFile: join(context.dataDir, 'logs', `${service}-${label}.log`),
    maxRestarts: 0,
  });
}
