import { requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { z } from 'zod';
import { dayIn } from '../../domain/periods.js';
import type { KpiValue } from '../../use-cases/kpis-of.js';
import { formatOf, sendFile, type Column } from '../export/table-export.js';
import { formatParam } from '../supply-demand/schemas.js';

const kpiQuery = z.strictObject({
  area: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/).optional().describe('Province, former district or commune code'),
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/).optional().describe('Exactly this period, or any period within a year (YYYY)'),
  kpi: z.string().max(100).optional(),
  basis: z.enum(['registry', 'survey', 'registry+survey']).optional(),
  format: formatParam,
});

const COLUMNS: readonly Column<KpiValue>[] = [
  { header: 'Chỉ tiêu (indicator)', value: (k) => k.vi },
  { header: 'Indicator', value: (k) => k.en },
  { header: 'Mã (code)', value: (k) => k.kpi },
  { header: 'Kỳ (period)', value: (k) => k.period },
  { header: 'Cấp địa bàn (area level)', value: (k) => k.area.level },
  { header: 'Mã địa bàn (area code)', value: (k) => k.area.code },
  { header: 'Giá trị % (value %)', value: (k) => k.value },
  { header: 'Mục tiêu 2025 % (2025 target %)', value: (k) => k.target },
  { header: 'So sánh (comparison)', value: (k) => (k.comparison === 'at-least' ? 'tối thiểu (at least)' : 'tối đa (at most)') },
  { header: 'Đạt (met)', value: (k) => (k.met ? 'Đạt (yes)' : 'Chưa đạt (no)') },
  { header: 'Cơ sở (basis)', value: (k) => k.basis },
  { header: 'Nguồn (source)', value: (k) => k.source },
  { header: 'Tử số (numerator)', value: (k) => k.numerator },
  { header: 'Mẫu số (denominator)', value: (k) => k.denominator },
];

/** The plan's KPIs against their 2025 targets, by area and period. */
export async function kpiRoutes(app: ServiceApp): Promise<void> {
  app.get(
    '/v1/kpis',
    {
      onRequest: requireRole('analyst', 'admin'),
      schema: { summary: "The plan's KPIs by area and period, each with its target, basis and source (JSON, CSV or XLSX)", tags: ['kpis'], querystring: kpiQuery },
    },
    async (request, reply) => {
      const { area, period, kpi, basis, format } = request.query;
      const items = app.analytics
        .kpis()
        .filter(
          (k) =>
            (area === undefined || k.area.code === area) &&
            (period === undefined || k.period === period || (period.length === 4 && dayIn(`${k.period.slice(0, 4)}-01-01`, period))) &&
            (kpi === undefined || k.kpi === kpi) &&
            (basis === undefined || k.basis === basis),
        );
      const as = formatOf(format, request.headers.accept);
      if (as !== 'json') return sendFile(reply, as, 'kpis', COLUMNS, items);
      return reply.send({ computedAt: app.analytics.now().toISOString(), items });
    },
  );
}
