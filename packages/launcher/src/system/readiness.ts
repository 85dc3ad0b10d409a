export interface ReadyOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Stops waiting early, e.g. when the supervisor gave up on the process. */
  abandoned?: () => string | null;
}

/** Polls `<url>/health/ready` until it answers 200; fails naming the last answer when time runs out. */
export async function waitUntilReady(url: string, { timeoutMs, intervalMs = 250, abandoned }: ReadyOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    const reason = abandoned?.();
    if (reason) throw new Error(`${url}: ${reason}`);
    try {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      last = `${response.status} ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms (last: ${last})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
