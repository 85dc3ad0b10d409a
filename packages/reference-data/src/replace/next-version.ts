/** 2026.1 → 2026.2 within a year; the first replacement in a new year is <year>.1. A -provisional mark is dropped. */
export function nextVersion(previous: string | undefined, today: Date): string {
  const year = today.getUTCFullYear();
  const match = /^(\d{4})\.(\d+)/.exec(previous ?? '');
  if (match && Number(match[1]) === year) return `${year}.${Number(match[2]) + 1}`;
  return `${year}.1`;
}
