import { DEFAULT_SEED, type DemoSummary, type StreamDemoOptions } from '@ketnoi/demo';
import type { Command } from 'commander';
import type { CliEnv } from '../config.js';
import type { CliIo } from '../io/cli-io.js';
import { createProgress } from '../io/progress.js';
import { brokerList, integerIn, isoDay } from './arguments.js';

export interface DemoDeps {
  io: CliIo;
  env: CliEnv;
  streamDemo: (options: StreamDemoOptions) => Promise<DemoSummary>;
}

interface DemoFlags {
  workers: number;
  vacancies: number;
  employers?: number;
  seed: number;
  today?: string;
  brokers?: string[];
  vacancyIntakeUrl?: string;
  token?: string;
  concurrency: number;
}

export const summaryLines = (s: DemoSummary): string[] => [
  `seed ${s.seed}: ${s.workers.published} workers published to ingest.workers.v1`,
  `employers: ${s.employers.created} created, ${s.employers.existing} already there, ${s.employers.rejected} refused`,
  `vacancies: ${s.vacancies.created} created, ${s.vacancies.existing} already there, ${s.vacancies.rejected} refused`,
  ...s.employers.rejections.map((r) => `  employer ${r.index}: HTTP ${r.status} ${r.code ?? ''} ${r.detail ?? ''}`.trimEnd()),
  ...s.vacancies.rejections.map((r) => `  vacancy ${r.reference}: HTTP ${r.status} ${r.code ?? ''} ${r.detail ?? ''}`.trimEnd()),
  `took ${(s.durationMs / 1000).toFixed(1)} s; registration takes the workers from Kafka at its own pace`,
];

export function demoCommand(program: Command, deps: DemoDeps): void {
  program
    .command('demo')
    .description('stream the demo province (workers on ingest.workers.v1, employers and vacancies over vacancy-intake HTTP) into a running system')
    .option('--workers <n>', 'workers to publish', integerIn(0, 1_000_000), 10_000)
    .option('--vacancies <n>', 'vacancies to post', integerIn(0, 100_000), 2_000)
    .option('--employers <n>', 'employers posting them (default vacancies / 10)', integerIn(1, 100_000))
    .option('--seed <n>', 'generator seed', integerIn(0, Number.MAX_SAFE_INTEGER), DEFAULT_SEED)
    .option('--today <date>', 'day the vacancy dates follow (YYYY-MM-DD; default today in Vietnam)', isoDay)
    .option('--brokers <list>', 'Kafka brokers (env KAFKA_BROKERS)', brokerList)
    .option('--vacancy-intake-url <url>', 'vacancy-intake base URL (env VACANCY_INTAKE_URL)')
    .option('--token <jwt>', 'staff token (env KETNOI_TOKEN or STAFF_TOKEN)')
    .option('--concurrency <n>', 'HTTP requests in flight', integerIn(1, 64), 4)
    .action(async (flags: DemoFlags) => {
      const token = flags.token ?? deps.env.token;
      if (!token) throw new Error('a staff token is needed: --token, or KETNOI_TOKEN / STAFF_TOKEN');
      const progress = createProgress(deps.io);
      try {
        const summary = await deps.streamDemo({
          kafkaBrokers: flags.brokers ?? deps.env.kafkaBrokers,
          vacancyIntakeUrl: flags.vacancyIntakeUrl ?? deps.env.vacancyIntakeUrl,
          staffToken: token,
          workers: flags.workers,
          vacancies: flags.vacancies,
          seed: flags.seed,
          concurrency: flags.concurrency,
          ...(flags.employers === undefined ? {} : { employers: flags.employers }),
          ...(flags.today === undefined ? {} : { today: flags.today }),
          onProgress: ({ phase, done, total }) => progress.update(phase, done, total),
        });
        progress.stop();
        for (const line of summaryLines(summary)) deps.io.out(line);
      } finally {
        progress.stop();
      }
    });
}
