import type { Secrets } from './secrets.js';
import type { ServiceName } from './service-specs.js';

export interface ServiceEnvInput {
  service: ServiceName;
  host: string;
  port: number;
  logLevel: string;
  mongoUrl: string;
  database: string;
  kafkaBrokers: readonly string[];
  /** The staff identity provider every service trusts (a dev issuer locally). */
  auth: { issuer: string; audience: string; publicJwk: string };
  secrets: Secrets;
  smtpUrl: string;
  smsGatewayUrl: string;
  /** vacancy-intake's JWKS: matching, notification and jobfairs verify employer tokens with it. */
  employerJwksUrl: string;
  /** host:port of local webhook receivers notification may call over plain HTTP. */
  webhookAllowedHosts: readonly string[];
  /** Physical topic names `<contract>.<suffix>` and consumer groups `<prefix>.<the service's group>` (each service's config applies them): a system of its own on shared infrastructure. */
  topicSuffix?: string | undefined;
  groupPrefix?: string | undefined;
  otlpEndpoint?: string | undefined;
  extra?: Record<string, string> | undefined;
}

/** The environment one service is started with: its whole configuration, as its README lists it. */
export function serviceEnv(input: ServiceEnvInput): Record<string, string> {
  const base: Record<string, string> = {
    SERVICE_NAME: input.service,
    HTTP_HOST: input.host,
    HTTP_PORT: String(input.port),
    LOG_LEVEL: input.logLevel,
    MONGO_URL: input.mongoUrl,
    MONGO_DB_NAME: input.database,
    KAFKA_BROKERS: input.kafkaBrokers.join(','),
    AUTH_ISSUER: input.auth.issuer,
    AUTH_AUDIENCE: input.auth.audience,
    AUTH_JWT_PUBLIC_KEY: input.auth.publicJwk,
    ...(input.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: input.otlpEndpoint } : {}),
    ...(input.topicSuffix ? { KETNOI_TOPIC_SUFFIX: input.topicSuffix } : {}),
    ...(input.groupPrefix ? { KETNOI_GROUP_PREFIX: input.groupPrefix } : {}),
  };
  // Employers' client-credentials tokens (vacancy-intake's issuer) are accepted where employers have routes.
  const employerTokens: Record<string, string> = ['matching', 'notification', 'jobfairs'].includes(input.service) ? { EMPLOYER_JWKS_URL: input.employerJwksUrl } : {};
  return { ...base, ...employerTokens, ...ownEnv(input), ...input.extra };
}

function ownEnv(input: ServiceEnvInput): Record<string, string> {
  const { secrets } = input;
  switch (input.service) {
    case 'registration':
      return {
        REGISTRATION_MASTER_KEYS: `${secrets.registrationMasterKeyId}:${secrets.registrationMasterKey}`,
        REGISTRATION_MASTER_KEY_ID: secrets.registrationMasterKeyId,
        REGISTRATION_HASH_KEY: secrets.registrationHashKey,
      };
    case 'vacancy-intake':
      return {
        TOKEN_SIGNING_KEY: secrets.tokenSigningKey.replaceAll('\n', '\\n'),
      };
    case 'notification':
      return {
        SMTP_URL: input.smtpUrl,
        SMS_GATEWAY_URL: input.smsGatewayUrl,
        ...(input.webhookAllowedHosts.length > 0 ? { WEBHOOK_ALLOWED_HOSTS: input.webhookAllowedHosts.join(',') } : {}),
      };
    case 'jobfairs':
      return secrets.jobfairsTokenSecret ? { JOBFAIRS_TOKEN_SECRET: secrets.jobfairsTokenSecret } : {};
    case 'matching':
    case 'analytics':
      return {};
  }
}
