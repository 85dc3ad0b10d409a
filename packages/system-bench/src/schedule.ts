/** Send times (ms from the start) of an open-loop load: `rate` per second for `durationMs`, evenly spaced. */
export function openLoopSchedule(rate: number, durationMs: number): number[] {
  if (!(rate > 0) || !(durationMs > 0)) return [];
  const interval = 1000 / rate;
  const count = Math.floor((durationMs * rate) / 1000);
  return Array.from({ length: count }, (_, i) => i * interval);
}

/** An error's message with its cause's code (fetch says only "fetch failed"; the cause says ECONNRESET, UND_ERR_HEADERS_TIMEOUT...). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  const detail = cause?.code ?? cause?.message;
  return detail ? `${error.message} (${detail})` : error.message;
}

export interface Sent<T> {
  /** performance.now() the request was due: latency counts from here, so a late send is not hidden (coordinated omission). */
  due: number;
  answeredAt: number;
  result: T | null;
  error: string | null;
}

/**
 * Fires `send(i)` at the schedule's times whether or not earlier requests
 * have answered (open loop), and resolves once all have answered.
 */
export async function runOpenLoop<T>(schedule: readonly number[], send: (index: number) => Promise<T>): Promise<Sent<T>[]> {
  const start = performance.now();
  const pending: Promise<Sent<T>>[] = [];
  for (let i = 0; i < schedule.length; i += 1) {
    const due = start + schedule[i]!;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      send(i).then(
        (result) => ({ due, answeredAt: performance.now(), result, error: null }),
        (error: unknown) => ({ due, answeredAt: performance.now(), result: null, error: describeError(error) }),
      ),
    );
  }
  return Promise.all(pending);
}
