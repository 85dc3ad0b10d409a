import { supplyDemandTopic } from '@ketnoi/contracts';
import type { EventPublisher } from '@ketnoi/messaging';
import type { Logger } from 'pino';
import type { AreaResolver } from '../domain/dimensions.js';
import { vietnamDayOf } from '../domain/local-day.js';
import { retiredCell, toCells, type SupplyDemandCell } from '../domain/supply-demand-cells.js';
import { KeyedPublisher } from './keyed-publisher.js';
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
 * The day's supply/demand cells (province, former district and commune ×
 * ISCO major group) on analytics.supply-demand.v1: the changed ones a moment
 * after the projections change, and a zero cell for one of the day's cells
 * that disappeared.
 */
export class SupplyDemandPublisher extends KeyedPublisher<SupplyDemandCell> {
  constructor({ projections, publisher, areas, debounceMs, now, log }: SupplyDemandPublisherOptions) {
    let at = now();
    super({
      name: 'supply-demand',
      topic: supplyDemandTopic,
      type: 'supply-demand.computed',
      publisher,
      debounceMs,
      log,
      compute: () => {
        at = now();
        const day = vietnamDayOf(at);
        const rows = (['province', 'former-district', 'commune'] as const).flatMap((level) =>
          supplyDemandOf(projections, { ...areas, level, occupationLevel: 'major', asOf: day }),
        );
        return toCells(rows, day, at.toISOString());
      },
      retire: (cell) => retiredCell(cell, vietnamDayOf(at), at.toISOString()),
    });
  }
}
