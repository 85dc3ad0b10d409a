export type WageRegion = 'I' | 'II' | 'III' | 'IV';

interface MinimumWageTable {
  from: string;
  legalBasis: string;
  month: Record<WageRegion, number>;
  hour: Record<WageRegion, number>;
}

/** Regional minimum wages for work under a labour contract, newest first. */
export const MINIMUM_WAGES: readonly MinimumWageTable[] = [
  {
    from: '2026-01-01',
    legalBasis: 'Nghị định 293/2025/NĐ-CP',
    month: { I: 5_310_000, II: 4_730_000, III: 4_140_000, IV: 3_700_000 },
    hour: { I: 25_500, II: 22_700, III: 20_000, IV: 17_800 },
  },
  {
    from: '2024-07-01',
    legalBasis: 'Nghị định 74/2024/NĐ-CP',
    month: { I: 4_960_000, II: 4_410_000, III: 3_860_000, IV: 3_450_000 },
    hour: { I: 23_800, II: 21_200, III: 18_600, IV: 16_600 },
  },
];

/**
 * The minimum wage in force on `date`. Without the workplace's region the
 * lowest region (IV) is the floor: never a false refusal, and still catching
 * wages no region allows.
 */
export function minimumWage(period: 'month' | 'hour', date: string, region: WageRegion = 'IV') {
  const table = MINIMUM_WAGES.find((row) => row.from <= date) ?? MINIMUM_WAGES[MINIMUM_WAGES.length - 1]!;
  return { amountVnd: table[period][region], legalBasis: table.legalBasis, region };
}
