import { validationError } from '@ketnoi/errors';
import { cellsByField, mapColumns, type Table } from '@ketnoi/tabular';
import { labourForceId, labourForceRow, LABOUR_FORCE_COLUMNS, type LabourForceDoc, type LabourForceRow } from '../domain/labour-force.js';

export interface LabourForceSink {
  loadLabourForce(): Promise<LabourForceDoc[]>;
  saveLabourForce(doc: LabourForceDoc): Promise<void>;
}

/** "1.234.567", "1,234,567" and "1 234 567" are thousands; a lone comma is a Vietnamese decimal comma. */
export function parseNumber(cell: string): string {
  const compact = cell.replace(/\s/g, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(compact)) return compact.replace(/[.,]/g, '');
  return compact.replace(',', '.');
}

/** Rows of an uploaded table, validated; throws a 400 naming every bad row and column, saving nothing. */
export function readLabourForce(table: Table): { rows: LabourForceRow[]; unknownColumns: string[] } {
  const mapping = mapColumns(table, LABOUR_FORCE_COLUMNS);
  if (mapping.columns.area === undefined || mapping.columns.period === undefined) {
    throw validationError('The table needs an area column (Mã địa bàn) and a period column (Kỳ)', { details: { unknownColumns: mapping.unknown } });
  }
  const errors: { row: number; field: string; message: string }[] = [];
  const rows: LabourForceRow[] = [];
  for (const { rowNumber, cells } of table.rows) {
    const raw = cellsByField(cells, mapping);
    const values = Object.fromEntries(Object.entries(raw).map(([field, cell]) => [field, field === 'area' || field === 'period' ? cell : parseNumber(cell ?? '')]));
    const parsed = labourForceRow.safeParse(values);
    if (parsed.success) rows.push(parsed.data);
    else for (const issue of parsed.error.issues) errors.push({ row: rowNumber, field: issue.path.join('.'), message: issue.message });
  }
  if (errors.length > 0) throw validationError(`${errors.length} problem(s) in the table; nothing was saved`, { details: { errors: errors.slice(0, 200) } });
  if (rows.length === 0) throw validationError('The table has no data row');
  return { rows, unknownColumns: mapping.unknown };
}

/** The official labour-force statistics by area and period: in memory, saved by `_id` (period|area), replaced by newer uploads. */
export class LabourForceTable {
  readonly rows = new Map<string, LabourForceDoc>();
  /** Grows by one on every upload: a cache key for the KPIs. */
  revision = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly sink: LabourForceSink) {}

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  async load(): Promise<void> {
    for (const doc of await this.sink.loadLabourForce()) this.rows.set(doc._id, doc);
  }

  async replace(rows: readonly LabourForceRow[], uploadedBy: string, uploadedAt: string): Promise<number> {
    for (const row of rows) {
      const doc: LabourForceDoc = { ...row, _id: labourForceId(row), uploadedAt, uploadedBy };
      await this.sink.saveLabourForce(doc);
      this.rows.set(doc._id, doc);
    }
    this.revision += 1;
    for (const listener of this.listeners) listener();
    return rows.length;
  }

  values(): LabourForceRow[] {
    return [...this.rows.values()].map(({ _id: _id, uploadedAt: _at, uploadedBy: _by, ...row }) => row);
  }
}
