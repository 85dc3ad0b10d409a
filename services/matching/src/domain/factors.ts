import type { ReferenceTables } from './reference-tables.js';

/**
 * Each factor is a value in [0, 1] (rules documented in the README). A
 * worker's ids are read as `lists[from..to)`, so the compact index scores
 * straight from its pool.
 */

/** The best ISCO similarity between any desired occupation and the vacancy's (1 / .75 / .5 / .25 / 0). */
export function occupationValue(tables: ReferenceTables, lists: Uint16Array, from: number, to: number, occupation: number): number {
  let best = 0;
  for (let i = from; i < to; i += 1) best = Math.max(best, tables.occupationSimilarity(lists[i]!, occupation));
  return best;
}

/**
 * Weighted coverage of the vacancy's skills; each earns the worker's closest
 * skill (partial credit through the taxonomy). `shares` are the skills'
 * weights normalised to add up to 1 (compileVacancy), so nothing is summed per pair.
 */
export function skillsValue(tables: ReferenceTables, lists: Uint16Array, from: number, to: number, need: Int32Array, shares: Float64Array): number {
  if (need.length === 0) return 1;
  let earned = 0;
  for (let j = 0; j < need.length; j += 1) {
    let best = 0;
    for (let i = from; i < to && best < 1; i += 1) best = Math.max(best, tables.skillSimilarity(lists[i]!, need[j]!));
    earned += shares[j]! * best;
  }
  return Math.min(1, earned);
}

/** Meets the minimum: 1; one level short: 0.5; more: 0. */
export const qualificationValue = (have: number, need: number): number => (have >= need ? 1 : need - have === 1 ? 0.5 : 0);

/** Within the commute limit: from 1 (same place) down to 0.5 (at the limit); beyond it, only for a worker willing to move. */
export function locationValue(km: number, limitKm: number, relocate: boolean, relocateValue: number): number {
  if (km <= limitKm) return limitKm === 0 ? 1 : 1 - (0.5 * km) / limitKm;
  return relocate ? relocateValue : 0;
}

/** Expectation up to the top of the range: 1; above it, falls to 0 at 50% above. No expectation: 1. */
export function wageValue(expectedK: number, maxK: number): number {
  if (expectedK === 0 || expectedK <= maxK) return 1;
  if (maxK === 0) return 0;
  return Math.max(0, 1 - (2 * (expectedK - maxK)) / maxK);
}

export const experienceValue = (haveTenths: number, needTenths: number): number =>
  needTenths === 0 ? 1 : Math.min(1, haveTenths / needTenths);

/** Whether the worker speaks a language (language * 256 + level) at the level needed. */
export function speaks(tables: ReferenceTables, lists: Uint16Array, from: number, to: number, need: number): boolean {
  for (let i = from; i < to; i += 1) {
    const key = lists[i]!;
    if (key >> 8 === need >> 8 && tables.meetsLevel(key & 255, need & 255)) return true;
  }
  return false;
}

/** Share of the vacancy's languages the worker speaks (required ones passed the hard filter). */
export function languagesValue(tables: ReferenceTables, lists: Uint16Array, from: number, to: number, required: Int32Array, preferred: Int32Array): number {
  const total = required.length + preferred.length;
  if (total === 0) return 1;
  let met = required.length;
  for (let j = 0; j < preferred.length; j += 1) if (speaks(tables, lists, from, to, preferred[j]!)) met += 1;
  return met / total;
}
