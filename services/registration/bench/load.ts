/** Runs `total` calls with `concurrency` in flight; returns each call's latency in ms and the wall time. */
export async function load(total: number, concurrency: number, call: (i: number) => Promise<void>) {
  const latencies = new Float64Array(total);
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      await call(i);
      latencies[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { perSecond: total / seconds, p50: pct(50), p99: pct(99), seconds };
}

export const row = (name: string, r: { perSecond: number; p50: number; p99: number }) =>
  `| ${name.padEnd(44)} | ${r.perSecond.toFixed(0).padStart(8)} | ${r.p50.toFixed(1).padStart(7)} | ${r.p99.toFixed(1).padStart(7)} |`;
