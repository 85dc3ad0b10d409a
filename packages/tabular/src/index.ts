export type { Table, TableRow, TableFormat } from './table.js';
export { readTable, formatOf } from './read-table.js';
export { readCsv } from './read-csv.js';
export { readXlsx, MAX_UNPACKED_BYTES } from './read-xlsx.js';
export { dayOf, excelSerialDay } from './day-of.js';
export { unpackedSize } from './zip-size.js';
export { foldHeader } from './fold-header.js';
export { mapColumns, cellsByField, type ColumnAliases, type ColumnMapping } from './map-columns.js';
