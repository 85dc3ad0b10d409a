import type { Random } from './random.js';

/**
 * A Zipf-like sampler over ranked items: weight of rank r is r^-s (times an
 * optional base weight), so a few items are very common and the tail is long,
 * as occupations and skills are in a labour market.
 */
export function zipf<T>(items: readonly T[], s: number, baseWeight: (item: T) => number = () => 1): (random: Random) => T {
  if (items.length === 0) throw new Error('zipf over an empty list');
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, i) => (cumulative[i] = total += baseWeight(item) / Math.pow(i + 1, s)));
  return (random) => {
    const x = random() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}
