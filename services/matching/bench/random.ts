/** mulberry32: a small seeded generator, so every run draws the same province. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws items with Zipf-like weights (rank^-s): a few very common, a long tail. */
export function zipf<T>(items: readonly T[], s: number, random: () => number): () => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((_, i) => (cumulative[i] = total += 1 / Math.pow(i + 1, s)));
  return () => {
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

export const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
