import { requireRole, type ServiceApp } from '@ketnoi/service-kit';
import type { ExtraDimension } from '../../domain/dimensions.js';
import { vietnamDayOf } from '../../domain/local-day.js';
import type { SupplyDemandFilters } from '../../domain/supply-demand.js';
import { supplyDemandOf } from '../../use-cases/supply-demand-of.js';
import { formatOf, sendFile } from '../export/table-export.js';
import { SUPPLY_DEMAND_COLUMNS } from './columns.js';
import { supplyDemandQuery } from './schemas.js';

/** Supply and demand per occupation × area × any dimension, as JSON, CSV or XLSX (analysts and admins). */
export async function supplyDemandRoutes(app: ServiceApp): Promise<void> {
  app.get(
    '/v1/supply-demand',
    {
      onRequest: requireRole('analyst', 'admin'),
      schema: {
        summary: 'Job seekers, open positions, flows, their ratio and the shortage index per occupation × area × chosen dimensions (JSON, CSV or XLSX)',
        tags: ['supply-demand'],
        querystring: supplyDemandQuery,
      },
    },
    async (request, reply) => {
      const { level, occupationLevel, groupBy, period, format, ...filters } = request.query;
      const { projections, areas, now } = app.analytics;
      const dimensions = (groupBy?.split(',') ?? []) as ExtraDimension[];
      const items = supplyDemandOf(projections, {
        ...areas,
        level,
        occupationLevel,
        groupBy: [...new Set(dimensions)],
        filters: filters as SupplyDemandFilters,
        ...(period === undefined ? {} : { period }),
        asOf: vietnamDayOf(now()),
      });
      const as = formatOf(format, request.headers.accept);
      if (as !== 'json') return sendFile(reply, as, `supply-demand-${level}`, SUPPLY_DEMAND_COLUMNS, items);
      return reply.send({ level, occupationLevel, groupBy: dimensions, filters, period: period ?? null, computedAt: now().toISOString(), items });
    },
  );
}
