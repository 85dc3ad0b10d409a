import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, baseConfigSchema, groupIdOf, loadConfig, namedValues, topicNamerOf } from '../../src/index.js';
import { testEnv } from '../helpers.js';

const catchConfigError = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('gives typed values with defaults', () => {
    const config = loadConfig(baseConfigSchema, {
      ...testEnv,
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092,',
      HTTP_PORT: '8081',
      OTEL_EXPORTER_OTLP_ENDPOINT: '',
    });
    expect(config.KAFKA_BROKERS).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    expect(config.HTTP_PORT).toBe(8081);
    expect(config.HTTP_HOST).toBe('0.0.0.0');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    // Unset: consumers keep EventConsumer's defaults.
    expect([config.KAFKA_FETCH_MIN_BYTES, config.KAFKA_FETCH_MAX_WAIT_MS]).toEqual([undefined, undefined]);
    expect(loadConfig(baseConfigSchema, { ...testEnv, KAFKA_FETCH_MIN_BYTES: '16384', KAFKA_FETCH_MAX_WAIT_MS: '20' })).toMatchObject({ KAFKA_FETCH_MIN_BYTES: 16_384, KAFKA_FETCH_MAX_WAIT_MS: 20 });
  });

  it('names every bad variable in one message', () => {
    const { MONGO_URL: _dropped, ...env } = testEnv;
    const error = catchConfigError(() => loadConfig(baseConfigSchema, { ...env, HTTP_PORT: '99999', LOG_LEVEL: 'loud' }));
    expect(error.variables.sort()).toEqual(['HTTP_PORT', 'LOG_LEVEL', 'MONGO_URL']);
    expect(error.message).toMatch(/^ {2}MONGO_URL: is required but not set$/m);
    expect(error.message).toMatch(/^ {2}HTTP_PORT: /m);
    expect(error.code).toBe('CONFIG_INVALID');
  });

  it('does not echo a bad value, which may be a secret', () => {
    const secret = 'mongodb-but-not-really://admin:s3cr3t@db';
    const error = catchConfigError(() => loadConfig(baseConfigSchema, { ...testEnv, MONGO_URL: secret }));
    expect(error.variables).toEqual(['MONGO_URL']);
    expect(error.message).not.toContain('s3cr3t');
  });

  it('accepts service extensions of the base schema', () => {
    const schema = baseConfigSchema.extend({ MATCH_TOP_K: z.coerce.number().int().positive() });
    expect(loadConfig(schema, { ...testEnv, MATCH_TOP_K: '20' }).MATCH_TOP_K).toBe(20);
    expect(catchConfigError(() => loadConfig(schema, { ...testEnv, MATCH_TOP_K: '-1' })).variables).toEqual([
      'MATCH_TOP_K',
    ]);
  });
});

describe('Kafka names of a KetNoi of its own (KETNOI_TOPIC_SUFFIX, KETNOI_GROUP_PREFIX)', () => {
  it('suffix the topics and prefix the groups when set', () => {
    const config = loadConfig(baseConfigSchema, { ...testEnv, KETNOI_TOPIC_SUFFIX: 'e2e-1', KETNOI_GROUP_PREFIX: 'e2e-1' });
    expect(topicNamerOf(config)('matches.v1')).toBe('matches.v1.e2e-1');
    expect(groupIdOf(config, 'notification')).toBe('e2e-1.notification');
  });

  it('leave the contract names and the service\'s group as they are when unset, and refuse names Kafka would not take', () => {
    const config = loadConfig(baseConfigSchema, { ...testEnv, KETNOI_TOPIC_SUFFIX: '' });
    expect(topicNamerOf(config)('matches.v1')).toBe('matches.v1');
    expect(groupIdOf(config, 'notification')).toBe('notification');
    expect(catchConfigError(() => loadConfig(baseConfigSchema, { ...testEnv, KETNOI_GROUP_PREFIX: 'a b' })).variables).toEqual(['KETNOI_GROUP_PREFIX']);
  });
});

describe('namedValues (NAME=value,NAME=value variables)', () => {
  it('splits each item at its first =, trims, and reads nothing as no values', () => {
    expect(namedValues().parse(' A=1, B = x=y ,,C=')).toEqual({ A: '1', B: 'x=y', C: '' });
    expect(namedValues().parse('')).toEqual({});
    expect(namedValues().parse(undefined)).toEqual({});
  });

  it('refuses an item without a name or without =, naming it', () => {
    for (const item of ['A', 'NAME', '=1', ' =1']) {
      const parsed = namedValues().safeParse(`B=2,${item}`);
      expect(parsed.success, item).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(`not name=value: ${item.trim()}`);
    }
  });
});
