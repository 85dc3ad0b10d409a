import { requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { z } from 'zod';
import type { Forecast } from '../../use-cases/forecasts-of.js';
import { formatOf, sendFile, type Column } from '../export/table-export.js';
import { formatParam } from '../supply-demand/schemas.js';

const forecastQuery = z.strictObject({
  side: z.enum(['demand', 'supply']).optional(),
  area: z.string().regex(/^(\d{2}|\d{3})$/).optional().describe('Province or former district code'),
  occupation: z.string().regex(/^(\d|all)$/).optional().describe('ISCO-08 major group, or all for the total'),
  format: formatParam,
});

type Point = { forecast: Forecast; point: Forecast['points'][number] };
const COLUMNS: readonly Column<Point>[] = [
  { header: 'Chuỗi (series)', value: (p) => p.forecast.series },
  { header: 'Phía (side)', value: (p) => (p.forecast.side === 'demand' ? 'cầu (demand)' : 'cung (supply)') },
  { header: 'Mã địa bàn (area code)', value: (p) => p.forecast.area?.code },
  { header: 'Nhóm nghề (ISCO major)', value: (p) => p.forecast.occupation?.code ?? 'all' },
  { header: 'Quý (quarter)', value: (p) => p.point.period },
  { header: 'Dự báo (forecast)', value: (p) => p.point.value },
  { header: 'Cận dưới 80% (lower 80%)', value: (p) => p.point.lower },
  { header: 'Cận trên 80% (upper 80%)', value: (p) => p.point.upper },
  { header: 'Mô hình (model)', value: (p) => p.forecast.model },
  { header: 'MAPE kiểm định (backtest MAPE)', value: (p) => p.forecast.backtest?.mape },
  { header: 'sMAPE kiểm định (backtest sMAPE)', value: (p) => p.forecast.backtest?.smape },
];

/** Forecasts of demand and supply per area and occupation group, the next four quarters with 80% intervals. */
export async function forecastRoutes(app: ServiceApp): Promise<void> {
  app.get(
    '/v1/forecasts',
    {
      onRequest: requireRole('analyst', 'admin'),
      schema: { summary: 'Quarterly forecasts with prediction intervals and backtest errors (JSON, CSV or XLSX)', tags: ['forecasts'], querystring: forecastQuery },
    },
    async (request, reply) => {
      const { side, area, occupation, format } = request.query;
      const items = app.analytics
        .forecasts()
        .filter(
          (f) =>
            (side === undefined || f.side === side) &&
            (area === undefined || f.area?.code === area) &&
            (occupation === undefined || (f.occupation?.code ?? 'all') === occupation),
        );
      const as = formatOf(format, request.headers.accept);
      if (as !== 'json') return sendFile(reply, as, 'forecasts', COLUMNS, items.flatMap((forecast) => forecast.points.map((point) => ({ forecast, point }))));
      return reply.send({ computedAt: app.analytics.now().toISOString(), items });
    },
  );
}
