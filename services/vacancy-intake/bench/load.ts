// Child process of post-vacancies.ts: sends POST /v1/vacancies from `concurrency` loops for
// warm-up + measured seconds and reports latencies of the measured part to the parent.
import { randomUUID } from 'node:crypto';

interface LoadOptions {
  url: string;
  token: string;
  body: Record<string, unknown>;
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
}

async function run({ url, token, body, concurrency, warmupSeconds, seconds }: LoadOptions) {
  const start = performance.now();
  const measureFrom = start + warmupSeconds * 1000;
  const stopAt = measureFrom + seconds * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;

  const loop = async (worker: number) => {
    for (let i = 0; performance.now() < stopAt; i += 1) {
      const payload = JSON.stringify({ ...body, title: `${String(body.title)} ${worker}-${i}` });
      const began = performance.now();
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
      const ended = performance.now();
      sent += 1;
      if (began >= measureFrom && ended <= stopAt) {
        latencies.push(ended - began);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  };
  const progress = process.env.BENCH_VERBOSE ? setInterval(() => console.error(`  load: ${sent} sent`), 5_000) : undefined;
  await Promise.all(Array.from({ length: concurrency }, (_, w) => loop(w)));
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
