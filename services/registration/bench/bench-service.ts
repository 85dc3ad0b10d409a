// What the registration benches share: the service built with a database, topics and a
// consumer group of its own, a dev issuer and fresh keys; command-line numbers; and a
// timer of the service's own steps.
import { randomBytes } from 'node:crypto';
import { withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, createLogger, loadConfig } from '@ketnoi/service-kit';
import { benchArg, benchServiceEnv } from '@ketnoi/testing';
import { buildApp } from '../src/app.js';
import { registrationConfigSchema } from '../src/config.js';

export const arg = (name: string, fallback: number) => Number(benchArg(name, String(fallback)));

/** The service against MONGO_URL and KAFKA_BROKERS (default: the local infrastructure), named `<label>-bench-<time>`. */
export async function benchService(label: string) {
  const issuer = await createDevIssuer();
  const { suffix: name, env } = benchServiceEnv('registration', issuer);
  const suffix = `${label}-${name}`;
  const config = loadConfig(registrationConfigSchema, {
    ...env,
    MONGO_DB_NAME: suffix.replace(/-/g, '_'),
    REGISTRATION_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    REGISTRATION_MASTER_KEY_ID: 'k1',
    REGISTRATION_HASH_KEY: randomBytes(32).toString('base64'),
  });
  const app = await buildApp(config, { logger: createLogger({ serviceName: 'registration', level: 'warn' }), topicName: withSuffix(suffix), groupId: suffix });
  return { issuer, suffix, config, app };
}

/**
 * Counts the calls of chosen methods and their wall time (waiting for a busy
 * FerretDB counts), by name; `print` writes them as a table rows, slowest first.
 */
export function stepTimer() {
  const stats = new Map<string, { n: number; ms: number }>();
  const timed = (name: string, target: Record<string, unknown>, method: string) => {
    const original = (target[method] as (...args: unknown[]) => Promise<unknown>).bind(target);
    target[method] = async (...args: unknown[]) => {
      const t0 = performance.now();
      try {
        return await original(...args);
      } finally {
        const s = stats.get(name) ?? { n: 0, ms: 0 };
        s.n += 1;
        s.ms += performance.now() - t0;
        stats.set(name, s);
      }
    };
  };
  const print = () => {
    for (const [key, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) console.log(`| ${key} | ${s.n} | ${s.ms.toFixed(0)} | ${(s.ms / s.n).toFixed(1)} |`);
  };
  return { stats, timed, print };
}
