import type { TestProject } from 'vitest/node';
import { startContainers } from './containers.js';
import { dockerAnswers } from './docker.js';
import type { InfraUrls } from './infra-urls.js';
import { ensureLocalInfra, localUrls, stopLocalInfra } from './local-infra.js';

/**
 * Gives integration tests a real Kafka and MongoDB: KAFKA_BROKERS/MONGO_URL
 * when set; else testcontainers when a Docker engine answers; else the
 * project's own infra/ scripts (started here, and stopped again if we did).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = process.env;
  if (env.KAFKA_BROKERS && env.MONGO_URL) {
    const urls: InfraUrls = { kafkaBrokers: env.KAFKA_BROKERS.split(','), mongoUrl: env.MONGO_URL, origin: 'environment' };
    project.provide('infra', urls);
    return async () => undefined;
  }
  if (await dockerAnswers()) {
    const { urls, stop } = await startContainers();
    project.provide('infra', urls);
    return stop;
  }
  const startedHere = ensureLocalInfra();
  project.provide('infra', { ...localUrls(env), origin: 'local' });
  return async () => {
    if (startedHere) stopLocalInfra();
  };
}
