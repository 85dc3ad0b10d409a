import type { InfraUrls } from './infra-urls.js';

/** Kafka (KRaft) and MongoDB 7 in containers, for machines with a Docker engine. */
export async function startContainers(): Promise<{ urls: InfraUrls; stop: () => Promise<void> }> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const [kafka, mongo] = await Promise.all([
    new KafkaContainer('apache/kafka:4.1.1').withKraft().start(),
    new MongoDBContainer('mongo:7').start(),
  ]);
  return {
    urls: {
      kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
      mongoUrl: `${mongo.getConnectionString()}?directConnection=true`,
      origin: 'testcontainers',
    },
    stop: async () => {
      await Promise.all([kafka.stop(), mongo.stop()]);
    },
  };
}
