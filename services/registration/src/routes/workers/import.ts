import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { readTable } from '@ketnoi/tabular';
import { z } from 'zod';
import { importWorkers } from '../../use-cases/import-workers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_FILE_BYTES = 50 * 1024 * 1024;

const importReport = z.object({
  total: z.number().int(),
  registered: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  unknownColumns: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      outcome: z.enum(['registered', 'updated', 'unchanged', 'rejected']),
      workerId: z.string().optional(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  ),
});

/** POST /v1/workers/import: a CSV or XLSX file as the request body. */
export async function workerImportRoutes(app: ServiceApp): Promise<void> {
  app.addContentTypeParser(['text/csv', XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  app.post(
    '/v1/workers/import',
    {
      onRequest: requireRole('staff', 'admin'),
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        summary: 'Import workers from a CSV or XLSX file (Vietnamese or English headers); reports each row',
        tags: ['workers'],
        consumes: ['text/csv', XLSX],
        response: { 200: importReport },
      },
    },
    async (request) => {
      const table = await readTable(request.body as Buffer, request.headers['content-type']);
      const principal = principalOf(request);
      const report = await importWorkers(request.server.registration, table, { id: principal.sub, requestId: request.id });
      request.log.info({ total: report.total, rejected: report.rejected }, 'workers imported');
      return report;
    },
  );
}
