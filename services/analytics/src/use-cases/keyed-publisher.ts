import type { TopicDefinition, TopicEventInput } from '@ketnoi/contracts';
import type { EventPublisher } from '@ketnoi/messaging';
import type { Logger } from 'pino';

export interface KeyedPublisherOptions<T extends { key: string; computedAt: string }> {
  name: string;
  topic: TopicDefinition;
  type: string;
  compute: () => T[];
  publisher: Pick<EventPublisher, 'publish'>;
  debounceMs: number;
  log: Logger;
  /**
   * What to publish for a key published before and computed no more (a
   * compacted topic keeps its last value otherwise); undefined: forget it.
   */
  retire?: (previous: T) => T | undefined;
}

/** Everything but the time of computation: what tells a real change from a recomputation. */
const numbersOf = ({ computedAt: _at, ...rest }: { computedAt: string }): string => JSON.stringify(rest);

/**
 * Publishes on a compacted topic the values (supply/demand cells, KPIs,
 * forecasts) that changed,
 * a moment after the projections change (a burst gives one publication).
 * What was published is kept in memory; after a restart everything is
 * published once more, harmless on a compacted topic.
 */
export class KeyedPublisher<T extends { key: string; computedAt: string }> {
  private readonly published = new Map<string, { item: T; numbers: string }>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: KeyedPublisherOptions<T>) {}

  schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running
        .then(async () => {
          await this.flush();
        })
        .catch((error: unknown) => {
          this.options.log.error({ err: error, values: this.options.name }, 'publication failed; retrying at the next change');
        });
    }, this.options.debounceMs);
  }

  async flush(): Promise<number> {
    const items = this.options.compute();
    const keys = new Set(items.map((item) => item.key));
    const retired: T[] = [];
    for (const [key, previous] of this.published) {
      if (keys.has(key)) continue;
      const last = this.options.retire?.(previous.item);
      if (last === undefined) this.published.delete(key);
      else retired.push(last);
    }
    const changed = [...items, ...retired].filter((item) => this.published.get(item.key)?.numbers !== numbersOf(item));
    if (changed.length === 0) return 0;
    const inputs = changed.map((data) => ({ type: this.options.type, subject: data.key, data })) as unknown as TopicEventInput<TopicDefinition>[];
    await this.options.publisher.publish(this.options.topic, inputs);
    for (const item of changed) this.published.set(item.key, { item, numbers: numbersOf(item) });
    this.options.log.info({ values: this.options.name, published: changed.length }, 'analytics values published');
    return changed.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
