// Excel's 1900 date system: serial 25569 is 1970-01-01. Serials below 61 fall
// before Excel's phantom 29 February 1900 and are off by a day: not read.
const EXCEL_EPOCH_OFFSET = 25_569;
const FIRST_SERIAL = 61;
const LAST_SERIAL = 2_958_465; // 9999-12-31

const isoDay = (year: number, month: number, day: number): string | undefined => {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
};

/** The day of an Excel date serial (a number cell whose date format the sheet left out), YYYY-MM-DD. */
export function excelSerialDay(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < FIRST_SERIAL || serial > LAST_SERIAL) return undefined;
  return new Date((serial - EXCEL_EPOCH_OFFSET) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A day as spreadsheets hold it: YYYY-MM-DD, DD/MM/YYYY (as written in
 * Vietnam) or an Excel date serial; undefined for anything else, an
 * impossible day included.
 */
export function dayOf(text: string): string | undefined {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (vn) return isoDay(Number(vn[3]), Number(vn[2]), Number(vn[1]));
  if (/^\d+$/.test(value)) return excelSerialDay(Number(value));
  return undefined;
}
