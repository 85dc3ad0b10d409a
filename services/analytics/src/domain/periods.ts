export type PeriodKind = 'day' | 'month' | 'quarter';

/** The period (YYYY-MM-DD, YYYY-MM or YYYY-Qn) a Vietnamese calendar day falls in. */
export function periodOf(day: string, kind: PeriodKind): string {
  if (kind === 'day') return day;
  if (kind === 'month') return day.slice(0, 7);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The kind of a period string, or undefined when it is not one. */
export function kindOf(period: string): PeriodKind | 'year' | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return 'day';
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}$/.test(period)) return 'year';
  return undefined;
}

/** Whether a day lies in a period of any kind (a year contains its quarters, months and days). */
export const dayIn = (day: string, period: string): boolean => {
  const kind = kindOf(period);
  if (kind === 'year') return day.startsWith(period);
  return kind !== undefined && periodOf(day, kind) === period;
};

/** The quarter after `quarter` (YYYY-Qn). */
export function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

/** Quarters from `first` to `last`, both included. */
export function quartersBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let q = first; q <= last && out.length < 400; q = nextQuarter(q)) out.push(q);
  return out;
}

/** Whole days between two instants. */
export const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** The first and last day (YYYY-MM-DD) of a period of any kind. */
export function periodRange(period: string): [string, string] {
  const kind = kindOf(period);
  if (kind === 'day') return [period, period];
  if (kind === 'month') return [`${period}-01`, `${period}-31`];
  if (kind === 'quarter') {
    const first = (Number(period.slice(6)) - 1) * 3 + 1;
    return [`${period.slice(0, 4)}-${String(first).padStart(2, '0')}-01`, `${period.slice(0, 4)}-${String(first + 2).padStart(2, '0')}-31`];
  }
  return [`${period.slice(0, 4)}-01-01`, `${period.slice(0, 4)}-12-31`];
}

/** A fast test of days against one period: two string comparisons. */
export function inPeriod(period: string): (day: string) => boolean {
  const [first, last] = periodRange(period);
  return (day) => day >= first && day <= last;
}
