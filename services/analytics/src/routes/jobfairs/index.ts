import { jobFairTheme } from '@ketnoi/contracts';
import { notFound } from '@ketnoi/errors';
import { requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { z } from 'zod';
import { inArea } from '../../domain/dimensions.js';
import { vietnamDayOf } from '../../domain/local-day.js';
import { dayIn } from '../../domain/periods.js';
import { formatOf, sendFile } from '../export/table-export.js';
import { formatParam, periodParam } from '../supply-demand/schemas.js';
import { FAIR_COLUMNS, REPORT_COLUMNS, reportRows } from './columns.js';

const listQuery = z.strictObject({
  period: periodParam.describe('Fairs starting in this period (year, quarter, month or day in Vietnam)'),
  area: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/).optional().describe('Fairs held in this province, former district or commune (online-only fairs have no place)'),
  theme: jobFairTheme.optional(),
  status: z.enum(['scheduled', 'cancelled', 'closed']).optional(),
  format: formatParam,
});

/** Job-fair reports from jobfairs.v1: the fairs with headline figures, and one fair's full report. */
export async function jobFairRoutes(app: ServiceApp): Promise<void> {
  app.get(
    '/v1/jobfairs',
    {
      onRequest: requireRole('analyst', 'admin'),
      schema: {
        summary: 'Job fairs with attendance, interviews, offers and hires, earliest first (JSON, CSV or XLSX)',
        tags: ['jobfairs'],
        querystring: listQuery,
      },
    },
    async (request, reply) => {
      const { period, area, theme, status, format } = request.query;
      const { jobFairs, areas, now } = app.analytics;
      const items = jobFairs
        .fairList()
        .filter((f) => period === undefined || dayIn(vietnamDayOf(new Date(f.startsAt)), period))
        .filter((f) => area === undefined || (f.communeCode !== undefined && inArea(area, f.communeCode, areas)))
        .filter((f) => (theme === undefined || f.theme === theme) && (status === undefined || f.status === status))
        .flatMap((f) => jobFairs.report(f._id)?.fair ?? []);
      const as = formatOf(format, request.headers.accept);
      if (as !== 'json') return sendFile(reply, as, 'jobfairs', FAIR_COLUMNS, items);
      return reply.send({ computedAt: now().toISOString(), items });
    },
  );
  app.get(
    '/v1/jobfairs/:fairId/report',
    {
      onRequest: requireRole('analyst', 'admin'),
      schema: {
        summary: 'One fair: attendance, interviews scheduled / held, no-shows, offers and hires per booth, priority-group reach (JSON, CSV or XLSX)',
        tags: ['jobfairs'],
        params: z.strictObject({ fairId: z.string().min(1).max(100) }),
        querystring: z.strictObject({ format: formatParam }),
      },
    },
    async (request, reply) => {
      const { jobFairs, now } = app.analytics;
      const report = jobFairs.report(request.params.fairId);
      if (!report) throw notFound('job fair', { details: { fairId: request.params.fairId } });
      const as = formatOf(request.query.format, request.headers.accept);
      if (as !== 'json') return sendFile(reply, as, `jobfair-${report.fair.fairId}`, REPORT_COLUMNS, reportRows(report));
      return reply.send({ computedAt: now().toISOString(), ...report });
    },
  );
}
