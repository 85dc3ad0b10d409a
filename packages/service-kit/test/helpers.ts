import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { baseConfigSchema, createLoggerOptions, createServiceApp, loadConfig, type BaseConfig } from '../src/index.js';
import type { ServiceAppOptions } from '../src/index.js';

export const testEnv = {
  SERVICE_NAME: 'test-service',
  MONGO_URL: 'mongodb://127.0.0.1:27017/test',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_ISSUER: 'urn:ketnoi:dev-issuer',
  AUTH_AUDIENCE: 'ketnoi',
  LOG_LEVEL: 'info',
};

export const testConfig = (env: Record<string, string> = {}): BaseConfig =>
  loadConfig(baseConfigSchema, { ...testEnv, ...env });

/** A logger writing JSON lines into memory, for assertions on what was logged. */
export function memoryLogger(serviceName = 'test-service'): { logger: Logger; lines: () => Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = pino(createLoggerOptions({ serviceName, level: 'info' }), stream);
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, text };
}

export const buildTestApp = (options: Partial<ServiceAppOptions> = {}) =>
  createServiceApp({ config: testConfig(), defaultMetrics: false, logger: memoryLogger().logger, ...options });
