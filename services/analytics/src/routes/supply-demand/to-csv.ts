import { writeCsv } from '@ketnoi/reference-data';
import type { SupplyDemandRow } from '../../domain/supply-demand.js';

/** Vietnamese headers first: the file goes to analysts' spreadsheets as is. */
const COLUMNS = [
  'Cấp địa bàn (area level)',
  'Mã địa bàn (area code)',
  'Nhóm nghề cấp 1 (ISCO major group)',
  'Người tìm việc (job seekers)',
  'Vị trí còn trống (open positions)',
  'Số người được tuyển (placements)',
  'Tỷ lệ cung/cầu (supply/demand ratio)',
  'Chỉ số thiếu hụt (shortage index)',
] as const;

export function supplyDemandCsv(rows: readonly SupplyDemandRow[]): string {
  const [level, area, occupation, seekers, positions, placed, ratio, shortage] = COLUMNS;
  return writeCsv(
    COLUMNS,
    rows.map((row) => ({
      [level]: row.area.level,
      [area]: row.area.code,
      [occupation]: row.occupation.code,
      [seekers]: String(row.jobSeekers),
      [positions]: String(row.openPositions),
      [placed]: String(row.placements),
      [ratio]: row.supplyDemandRatio === null ? '' : row.supplyDemandRatio.toFixed(4),
      [shortage]: row.shortageIndex.toFixed(4),
    })),
  );
}
