import { requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { supplyDemandOf } from '../../use-cases/supply-demand-of.js';
import { supplyDemandQuery } from './schemas.js';
import { supplyDemandCsv } from './to-csv.js';

const wantsCsv = (format: 'json' | 'csv' | undefined, accept: string | undefined): boolean =>
  format === undefined ? (accept ?? '').includes('text/csv') : format === 'csv';

/** Supply and demand per occupation × area, as JSON or CSV (analysts and admins). */
export async function supplyDemandRoutes(app: ServiceApp): Promise<void> {
  app.get(
    '/v1/supply-demand',
    {
      onRequest: requireRole('analyst', 'admin'),
      schema: {
        summary: 'Job seekers, open positions, their ratio and the shortage index per occupation × area (JSON, or CSV with Accept: text/csv or format=csv)',
        tags: ['supply-demand'],
        querystring: supplyDemandQuery,
      },
    },
    async (request, reply) => {
      const { level, occupationLevel, format } = request.query;
      const { projections, provinceCode } = app.analytics;
      const items = supplyDemandOf(projections, { level, occupationLevel, provinceCode });
      if (wantsCsv(format, request.headers.accept)) {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="supply-demand-${level}.csv"`)
          .send(`\uFEFF${supplyDemandCsv(items)}`);
      }
      return reply.send({ level, occupationLevel, computedAt: new Date().toISOString(), items });
    },
  );
}
