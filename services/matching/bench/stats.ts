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

/** Starts a wall clock and the process's CPU clock (user + system); what it returns reads both, in ms. */
const clocks = (): (() => [wall: number, cpu: number]) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  return () => {
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return [wall, (used.user + used.system) / 1000];
  };
};

/** Wall and CPU time of the process (user + system), in ms: on a shared machine the CPU time is the steadier of the two. */
export const timedCpu = <T>(work: () => T): [T, number, number] => {
  const read = clocks();
  const result = work();
  return [result, ...read()];
};

/** `timedCpu` of asynchronous work (the CPU of everything else the process does meanwhile counts too). */
export const timedCpuAsync = async <T>(work: () => Promise<T>): Promise<[T, number, number]> => {
  const read = clocks();
  const result = await work();
  return [result, ...read()];
};
