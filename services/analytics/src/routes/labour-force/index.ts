import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { readTable } from '@ketnoi/tabular';
import { z } from 'zod';
import { readLabourForce } from '../../use-cases/labour-force-table.js';
import { XLSX_TYPE } from '../export/table-export.js';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

const uploadReport = z.object({ saved: z.number().int(), unknownColumns: z.array(z.string()) });

/** The official labour-force statistics the survey-based KPIs divide by: uploaded as CSV or XLSX, listed as JSON. */
export async function labourForceRoutes(app: ServiceApp): Promise<void> {
  app.addContentTypeParser(['text/csv', XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  app.post(
    '/v1/reference/labour-force',
    {
      onRequest: requireRole('analyst', 'admin'),
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        summary: 'Upload labour-force statistics by area and period (CSV or XLSX, Vietnamese or English headers); all rows or none',
        tags: ['kpis'],
        consumes: ['text/csv', XLSX_TYPE],
        response: { 200: uploadReport },
      },
    },
    async (request) => {
      const table = await readTable(request.body as Buffer, request.headers['content-type']);
      const { rows, unknownColumns } = readLabourForce(table);
      const saved = await app.analytics.labourForce.replace(rows, principalOf(request).sub, app.analytics.now().toISOString());
      request.log.info({ saved, unknownColumns: unknownColumns.length }, 'labour-force statistics uploaded');
      return { saved, unknownColumns };
    },
  );
  app.get(
    '/v1/reference/labour-force',
    { onRequest: requireRole('analyst', 'admin'), schema: { summary: 'The labour-force statistics uploaded, by period and area', tags: ['kpis'] } },
    async () => ({ items: [...app.analytics.labourForce.rows.values()].sort((a, b) => a._id.localeCompare(b._id)) }),
  );
}
