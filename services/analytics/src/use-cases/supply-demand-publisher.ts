import { supplyDemandTopic } from '@ketnoi/contracts';
import type { EventPublisher } from '@ketnoi/messaging';
import type { Logger } from 'pino';
import { vietnamDayOf } from '../domain/local-day.js';
import { changedCells, toCells, type SupplyDemandCell } from '../domain/supply-demand-cells.js';
import type { AreaResolver } from '../domain/dimensions.js';
import type { Projections } from './projections.js';
import { supplyDemandOf } from './supply-demand-of.js';

export interface SupplyDemandPublisherOptions {
  projections: Projections;
  publisher: Pick<EventPublisher, 'publish'>;
  areas: AreaResolver;
  debounceMs: number;
  now: () => Date;
  log: Logger;
}

/**
 * Publishes the changed supply/demand cells a moment after the projections
 * change (a burst of events gives one publication). What was published is
 * kept in memory: after a restart the day's cells are published once more,
 * harmless on a compacted topic.
 */
export class SupplyDemandPublisher {
  private readonly published = new Map<string, SupplyDemandCell>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: SupplyDemandPublisherOptions) {}

  schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running
        .then(async () => {
          await this.flush();
        })
        .catch((error: unknown) => {
        this.options.log.error({ err: error }, 'supply-demand publication failed; retrying at the next change');
      });
    }, this.options.debounceMs);
  }

  /** Computes every cell, publishes the changed ones and remembers them. */
  async flush(): Promise<number> {
    const { projections, areas, now } = this.options;
    const at = now();
    const day = vietnamDayOf(at);
    const computedAt = at.toISOString();
    const rows = (['province', 'former-district', 'commune'] as const).flatMap((level) =>
      supplyDemandOf(projections, { ...areas, level, occupationLevel: 'major', asOf: day }),
    );
    const cells = toCells(rows, day, computedAt);
    const changed = changedCells(this.published, cells, day, computedAt);
    if (changed.length === 0) return 0;
    await this.options.publisher.publish(
      supplyDemandTopic,
      changed.map((cell) => ({ type: 'supply-demand.computed' as const, subject: cell.key, data: cell })),
    );
    this.published.clear();
    for (const cell of cells) this.published.set(cell.key, cell);
    this.options.log.info({ cells: changed.length }, 'supply-demand cells published');
    return changed.length;
  }

  /** Stops the timer and waits for a publication in flight. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
