// Child process of post-vacancies.ts: sends POST /v1/vacancies from `concurrency` loops
// (closed loop), or at a fixed `rate` per second whether or not earlier requests have
// answered (open loop, latency counted from the due time), for warm-up + measured seconds,
// and reports latencies of the measured part to the parent.
import { randomUUID } from 'node:crypto';

interface LoadOptions {
  url: string;
  token: string;
  body: Record<string, unknown>;
  concurrency: number;
  /** Requests per second, open loop; 0: closed loop of `concurrency` clients. */
  rate: number;
  warmupSeconds: number;
  seconds: number;
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

async function run({ url, token, body, concurrency, rate, warmupSeconds, seconds }: LoadOptions) {
  const start = performance.now();
  const measureFrom = start + warmupSeconds * 1000;
  const stopAt = measureFrom + seconds * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;

  /** Sends one request; `due` is when it should have left (open loop) or did leave (closed loop). */
  const send = async (tag: string, due: number) => {
    const payload = JSON.stringify({ ...body, title: `${String(body.title)} ${tag}` });
    let status = 'error';
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(process.env.BENCH_NO_KEY ? {} : { 'idempotency-key': randomUUID() }) },
        body: payload,
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      status = String(response.status);
    } catch (error) {
      status = (error as Error).name === 'TimeoutError' ? 'timeout' : 'error';
    }
    sent += 1;
    // Open loop: every request due in the measured window counts, however late it answers.
    if (due >= measureFrom && (rate > 0 || performance.now() <= stopAt)) {
      latencies.push(performance.now() - due);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };

  const loop = async (worker: number) => {
    for (let i = 0; performance.now() < stopAt; i += 1) await send(`${worker}-${i}`, performance.now());
  };
  const schedule = async () => {
    const inFlight: Promise<void>[] = [];
    for (let i = 0; ; i += 1) {
      const due = start + (i * 1000) / rate;
      if (due >= stopAt) break;
      await sleepUntil(due);
      inFlight.push(send(`o-${i}`, due));
    }
    await Promise.all(inFlight);
  };
  const progress = process.env.BENCH_VERBOSE ? setInterval(() => console.error(`  load: ${sent} sent`), 5_000) : undefined;
  if (rate > 0) await schedule();
  else await Promise.all(Array.from({ length: concurrency }, (_, w) => loop(w)));
  clearInterval(progress);
  return { latencies, statuses, sent, seconds };
}

process.once('message', (options: LoadOptions) => {
  run(options).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
