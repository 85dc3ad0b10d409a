export const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export const timed = <T>(work: () => T): [T, number] => {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
};

export const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

export const recall = (truth: { id: string }[], found: { id: string }[]): number => {
  if (truth.length === 0) return 1;
  const ids = new Set(found.map((entry) => entry.id));
  return truth.filter((entry) => ids.has(entry.id)).length / truth.length;
};

/**
 * Starts a wall clock, the process's CPU clock and the main thread's
 * (user + system); what it returns reads all three, in ms. The process's
 * also counts V8's threads that run beside the work (concurrent GC marking
 * of the whole heap, optimising compilers): at 1M workers they add up to
 * ~10 ms to a query's process CPU now and then. The main thread's is the
 * query's own core.
 */
const clocks = (): (() => [wall: number, cpu: number, thread: number]) => {
  const cpu = process.cpuUsage();
  const thread = process.threadCpuUsage();
  const started = performance.now();
  return () => {
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const own = process.threadCpuUsage(thread);
    return [wall, (used.user + used.system) / 1000, (own.user + own.system) / 1000];
  };
};

/** Wall and CPU time of the process (user + system), then the main thread's CPU time, in ms: on a shared machine the CPU times are the steadier. */
export const timedCpu = <T>(work: () => T): [T, number, number, number] => {
  const read = clocks();
  const result = work();
  return [result, ...read()];
};

/** `timedCpu` of asynchronous work (the CPU of everything else the process does meanwhile counts too). */
export const timedCpuAsync = async <T>(work: () => Promise<T>): Promise<[T, number, number]> => {
  const read = clocks();
  const result = await work();
  const [wall, cpu] = read();
  return [result, wall, cpu];
};
