/** year * 12 + month - 1 of a "YYYY-MM" (or an ISO date or timestamp). */
export const monthIndex = (yearMonth: string): number => Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1;

export const monthOf = (date: Date): number => date.getUTCFullYear() * 12 + date.getUTCMonth();

/**
 * Age in whole years in month `asOf`, knowing only the birth month: within
 * the birth month the birthday may not have come yet, so it counts as not
 * (the safe side for the legal-age rules).
 */
export const ageInYears = (birthMonth: number, asOf: number): number => Math.floor((asOf - birthMonth - 1) / 12);
