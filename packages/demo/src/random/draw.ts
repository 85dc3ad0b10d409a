import type { Random } from './random.js';

/** True with probability p. */
export const chance = (random: Random, p: number): boolean => random() < p;

/** An integer in [min, max]. */
export const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)]!;
}

/** Draws from weighted choices (weights need not sum to 1). */
export function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [value, w] of choices) {
    x -= w;
    if (x < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

/** Up to n distinct draws. */
export function distinct<T>(n: number, draw: () => T): T[] {
  const seen = new Set<T>();
  for (let tries = 0; seen.size < n && tries < n * 8; tries += 1) seen.add(draw());
  return [...seen];
}

/** Rounds to a multiple of step. */
export const roundTo = (value: number, step: number): number => Math.round(value / step) * step;
