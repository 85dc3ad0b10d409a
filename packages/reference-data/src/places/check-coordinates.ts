import { rowError, type RowError } from '../core/row-error.js';
import { isInProvince, type LatLon } from './bounding-box.js';

/** A place outside the province's box is a typo (swapped lat/lon, a lost digit). */
export function checkCoordinates(rows: readonly LatLon[], rowNumbers: readonly number[]): RowError[] {
  return rows.flatMap((row, i) =>
    isInProvince(row) ? [] : [rowError(rowNumbers[i] ?? 0, 'lat', `(${row.lat}, ${row.lon}) lies outside the province`)],
  );
}
