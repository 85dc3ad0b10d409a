/** A source of numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: small, fast and good enough to draw a province. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed, a stream name and an index into one 32-bit seed (FNV-1a, then a murmur finaliser). */
export function mixSeed(seed: number, stream: string, index: number): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of `${stream}#${index}#${Math.floor(seed / 4294967296)}`) {
    h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The random source of one record: it depends on the seed, the kind of
 * record and its index only, so record i is the same whether 10 or 10 000
 * are generated.
 */
export const recordRandom = (seed: number, stream: string, index: number): Random => mulberry32(mixSeed(seed, stream, index));
