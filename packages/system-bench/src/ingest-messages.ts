import { ingestWorkersTopic } from '@ketnoi/contracts';
import { generateWorkers } from '@ketnoi/demo';
import { buildEvent } from '@ketnoi/messaging';

/** The ingest's events: `count` demo workers of `seed`, as the CLI and the demo loader send them. */
export const ingestEvents = (seed: number, count: number) =>
  [...generateWorkers(seed, count)].map((worker) => ({
    type: 'worker.registered' as const,
    id: `bench-${seed}-worker-${worker.index}`,
    subject: worker.externalRef,
    data: { externalRef: worker.externalRef, profile: worker.profile },
  }));

/** The same events as Kafka messages (key and CloudEvent JSON): what the raw limit and the floor send. */
export const ingestMessages = (seed: number, count: number): { key: string; value: string }[] =>
  ingestEvents(seed, count).map((input) => {
    const event = buildEvent(ingestWorkersTopic, input, '/ketnoi/system-bench');
    return { key: event.subject, value: JSON.stringify(event) };
  });
