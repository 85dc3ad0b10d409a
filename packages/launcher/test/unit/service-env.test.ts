import { describe, expect, it } from 'vitest';
import { newSecrets } from '../../src/system/secrets.js';
import { serviceEnv, type ServiceEnvInput } from '../../src/system/service-env.js';
import { SERVICE_NAMES } from '../../src/system/service-specs.js';

const secrets = newSecrets();
const input = (service: ServiceEnvInput['service'], more: Partial<ServiceEnvInput> = {}): ServiceEnvInput => ({
  service,
  host: '127.0.0.1',
  port: 4001,
  logLevel: 'info',
  mongoUrl: 'mongodb://127.0.0.1:27017',
  database: `db_${service}`,
  kafkaBrokers: ['127.0.0.1:9092', '127.0.0.1:9093'],
  auth: { issuer: 'urn:ketnoi:dev-issuer', audience: 'ketnoi', publicJwk: '{"kty":"EC"}' },
  secrets,
  smtpUrl: 'smtp://127.0.0.1:2525',
  smsGatewayUrl: 'http://127.0.0.1:2526/sms',
  employerJwksUrl: 'http://127.0.0.1:4002/.well-known/jwks.json',
  webhookAllowedHosts: [],
  ...more,
});

describe('the environment each service is started with', () => {
  it('gives every service its base configuration', () => {
    for (const service of SERVICE_NAMES) {
      expect(serviceEnv(input(service))).toMatchObject({
        SERVICE_NAME: service,
        HTTP_PORT: '4001',
        MONGO_DB_NAME: `db_${service}`,
        KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9093',
        AUTH_ISSUER: 'urn:ketnoi:dev-issuer',
        AUTH_JWT_PUBLIC_KEY: '{"kty":"EC"}',
      });
    }
  });

  it('gives each secret only to the service that needs it', () => {
    const registration = serviceEnv(input('registration'));
    expect(registration.REGISTRATION_MASTER_KEYS).toBe(`${secrets.registrationMasterKeyId}:${secrets.registrationMasterKey}`);
    expect(registration.REGISTRATION_HASH_KEY).toBe(secrets.registrationHashKey);
    expect(serviceEnv(input('vacancy-intake')).TOKEN_SIGNING_KEY).toContain('BEGIN PRIVATE KEY-----\\n');
    expect(serviceEnv(input('jobfairs')).JOBFAIRS_TOKEN_SECRET).toBe(secrets.jobfairsTokenSecret);
    for (const service of ['matching', 'notification', 'analytics', 'jobfairs'] as const) {
      const values = Object.values(serviceEnv(input(service))).join('\n');
      expect(values).not.toContain(secrets.registrationHashKey);
      expect(values).not.toContain(secrets.registrationMasterKey);
      expect(values).not.toContain('PRIVATE KEY');
      if (service !== 'jobfairs') expect(values).not.toContain(secrets.jobfairsTokenSecret);
    }
  });

  it('points notification at the sinks and vacancy-intake JWKS, and lets listed webhook hosts through', () => {
    expect(serviceEnv(input('notification', { webhookAllowedHosts: ['127.0.0.1:5000'] }))).toMatchObject({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SMS_GATEWAY_URL: 'http://127.0.0.1:2526/sms',
      EMPLOYER_JWKS_URL: 'http://127.0.0.1:4002/.well-known/jwks.json',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1:5000',
    });
    expect(serviceEnv(input('notification'))).not.toHaveProperty('WEBHOOK_ALLOWED_HOSTS');
  });

  it('isolates topics and groups when asked, through the two variables every service reads', () => {
    const isolated = { topicSuffix: 'run1', groupPrefix: 'g1' };
    for (const service of SERVICE_NAMES) {
      const env = serviceEnv(input(service, isolated));
      expect(env).toMatchObject({ KETNOI_TOPIC_SUFFIX: 'run1', KETNOI_GROUP_PREFIX: 'g1' });
      // The services prefix their own groups: a group variable here would be prefixed twice.
      expect(Object.keys(env).filter((key) => key.endsWith('GROUP_ID'))).toEqual([]);
    }
    expect(serviceEnv(input('matching'))).not.toHaveProperty('KETNOI_TOPIC_SUFFIX');
    expect(serviceEnv(input('matching'))).not.toHaveProperty('KETNOI_GROUP_PREFIX');
  });

  it('lets extra variables override the generated ones', () => {
    expect(serviceEnv(input('notification', { extra: { QUIET_HOURS_START: '00:00', LOG_LEVEL: 'warn' } }))).toMatchObject({ QUIET_HOURS_START: '00:00', LOG_LEVEL: 'warn' });
  });
});
