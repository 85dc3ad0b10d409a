import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { EventObserver } from '@ketnoi/messaging';

/** Prometheus metrics of event consumers and producers, in one registry. */
export function createEventMetrics(registry: Registry): EventObserver {
  const registers = [registry];
  const handledTotal = new Counter({
    name: 'ketnoi_events_handled_total',
    help: 'Events handled by consumers, by outcome',
    labelNames: ['topic', 'type', 'outcome'] as const,
    registers,
  });
  const handlingSeconds = new Histogram({
    name: 'ketnoi_event_handling_seconds',
    help: 'Time to handle one event',
    labelNames: ['topic', 'type'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const consumerLag = new Gauge({
    name: 'ketnoi_consumer_lag',
    help: 'Messages between the committed offset and the end of the partition',
    labelNames: ['topic', 'partition', 'group'] as const,
    registers,
  });
  const publishedTotal = new Counter({
    name: 'ketnoi_events_published_total',
    help: 'Events published',
    labelNames: ['topic', 'type'] as const,
    registers,
  });

  return {
    handled: ({ topic, type, outcome, seconds }) => {
      handledTotal.inc({ topic, type, outcome });
      handlingSeconds.observe({ topic, type }, seconds);
    },
    published: ({ topic, type, count }) => publishedTotal.inc({ topic, type }, count),
    lag: ({ topic, partition, group, lag }) => consumerLag.set({ topic, partition: String(partition), group }, lag),
  };
}
