import type { JobSummary, Language } from './types.js';

// Made once: building a NumberFormat costs far more than formatting with it (the largest share of the service's own CPU per match).
const numbers = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') } as const;

const money = (amount: number, language: Language): string =>
  language === 'vi' ? `${numbers.vi.format(amount)} đ` : `${numbers.en.format(amount)} VND`;

const period = { vi: { month: 'tháng', hour: 'giờ' }, en: { month: 'month', hour: 'hour' } } as const;

/** "7.000.000 đ – 9.000.000 đ/tháng" or "VND 7,000,000 – 9,000,000 / month". */
export function wageText(job: JobSummary, language: Language): string {
  const range =
    job.wageMinVnd === job.wageMaxVnd
      ? money(job.wageMinVnd, language)
      : `${money(job.wageMinVnd, language)} – ${money(job.wageMaxVnd, language)}`;
  return `${range}/${period[language][job.wagePeriod]}`;
}

/** 2026-12-31 → 31/12/2026 (both languages, as dates are written in Vietnam). */
export const dateText = (isoDate: string): string => isoDate.split('-').reverse().join('/');

const kindName = { vi: { ward: 'phường', commune: 'xã' }, en: { ward: 'Ward', commune: 'Commune' } } as const;

/** "phường Đức Xuân" / "Đức Xuân Ward"; the code when the commune is not in the lists. */
export function placeText(job: JobSummary, language: Language): string {
  if (!job.placeName) return job.communeCode;
  const kind = kindName[language][job.placeKind ?? 'commune'];
  return language === 'vi' ? `${kind} ${job.placeName}` : `${job.placeName} ${kind}`;
}

/** The variables every match template may use. */
export const jobVariables = (job: JobSummary, language: Language) => ({
  title: job.title,
  employer: job.employerName,
  wage: wageText(job, language),
  deadline: dateText(job.deadline),
  place: placeText(job, language),
});
export type JobVariables = ReturnType<typeof jobVariables>;
