/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0..100`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.length === 0 ? Number.NaN : samples.reduce((a, b) => Math.max(a, b), -Infinity),
  };
}

/**
 * Rate of a progress curve between the moments it passed `from` and `to`
 * (fractions of its final value): the sustained rate, without the start-up
 * and the tail. Points are [ms, cumulative count], in time order.
 */
export function steadyRate(points: readonly (readonly [number, number])[], from = 0.1, to = 0.9): number {
  if (points.length < 2) return Number.NaN;
  const total = points[points.length - 1]![1];
  if (total <= 0) return 0;
  const crossing = (fraction: number) => points.find(([, count]) => count >= fraction * total);
  const a = crossing(from);
  const b = crossing(to);
  if (!a || !b || b[0] <= a[0]) {
    const first = points[0]!;
    const last = points[points.length - 1]!;
    return last[0] > first[0] ? ((last[1] - first[1]) * 1000) / (last[0] - first[0]) : Number.NaN;
  }
  return ((b[1] - a[1]) * 1000) / (b[0] - a[0]);
}

/**
 * How long after `lead` each count was reached `follow` reached it, in ms, at
 * the given fractions of lead's final count (NaN where follow never got
 * there): e.g. an outbox's publication behind the writes it publishes.
 * Points are [ms, cumulative count], in time order.
 */
export function lagBehind(
  lead: readonly (readonly [number, number])[],
  follow: readonly (readonly [number, number])[],
  fractions: readonly number[] = [0.5, 0.9, 1],
): number[] {
  const total = lead[lead.length - 1]?.[1] ?? 0;
  const reached = (points: typeof lead, count: number) => points.find(([, n]) => n >= count)?.[0];
  return fractions.map((fraction) => {
    const count = Math.max(1, Math.ceil(fraction * total));
    const a = reached(lead, count);
    const b = reached(follow, count);
    return a === undefined || b === undefined ? Number.NaN : b - a;
  });
}

export const ms = (value: number): string => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : Math.round(value).toString());
export const perSecond = (value: number): string => (Number.isNaN(value) ? '–' : value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1));
