import { ingestWorkersTopic, type TopicEventInput } from '@ketnoi/contracts';
import { EventPublisher, createKafka, ensureTopics, sameName, type TopicNamer } from '@ketnoi/messaging';
import type { Logger } from 'pino';
import { generateWorkers } from '../generate/workers.js';

export interface PublishWorkersOptions {
  kafkaBrokers: string[];
  seed: number;
  count: number;
  batchSize: number;
  topicName?: TopicNamer;
  logger: Logger;
  progress: (done: number) => void;
}

/**
 * Publishes the demo's workers on `ingest.workers.v1` as the centre's
 * systems do, in batches. The event id and external reference are fixed per
 * seed and index, and registration keys workers by citizen-ID, so a re-run
 * registers nobody twice.
 */
export async function publishWorkers(options: PublishWorkersOptions): Promise<number> {
  const kafka = createKafka({ brokers: options.kafkaBrokers, clientId: 'ketnoi-demo', logger: options.logger });
  const topicName = options.topicName ?? sameName;
  await ensureTopics(kafka, [ingestWorkersTopic], { topicName, logger: options.logger });
  const publisher = new EventPublisher({ kafka, source: '/ketnoi/demo', logger: options.logger, topicName });
  await publisher.connect();
  let published = 0;
  try {
    let batch: TopicEventInput<typeof ingestWorkersTopic>[] = [];
    const flush = async () => {
      await publisher.publish(ingestWorkersTopic, batch);
      published += batch.length;
      batch = [];
      options.progress(published);
    };
    for (const worker of generateWorkers(options.seed, options.count)) {
      batch.push({
        type: 'worker.registered',
        id: `demo-${options.seed}-worker-${worker.index}`,
        subject: worker.externalRef,
        data: { externalRef: worker.externalRef, profile: worker.profile },
      });
      if (batch.length >= options.batchSize) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    await publisher.disconnect();
  }
  return published;
}
