import type { TopicNamer } from '@ketnoi/messaging';
import { pino, type Logger } from 'pino';
import { z } from 'zod';
import { generateEmployers } from '../generate/employers.js';
import { generateVacancies, vietnamToday } from '../generate/vacancies.js';
import { httpClient, type Fetch } from './http-client.js';
import { loadEmployers, type EmployerRejection } from './load-employers.js';
import { loadVacancies, type VacancyRejection } from './load-vacancies.js';
import { publishWorkers } from './publish-workers.js';

export const DEFAULT_SEED = 20250701;

export type DemoPhase = 'workers' | 'employers' | 'vacancies';
export interface DemoProgress {
  phase: DemoPhase;
  done: number;
  total: number;
}

const countsSchema = z.object({
  kafkaBrokers: z.array(z.string().min(1)).min(1),
  vacancyIntakeUrl: z.url(),
  workers: z.number().int().min(0).max(1_000_000).default(10_000),
  vacancies: z.number().int().min(0).max(100_000).default(2_000),
  employers: z.number().int().min(1).max(100_000).optional(),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(DEFAULT_SEED),
  today: z.iso.date().optional(),
  batchSize: z.number().int().min(1).max(5_000).default(500),
  concurrency: z.number().int().min(1).max(64).default(4),
});

export interface StreamDemoOptions extends z.input<typeof countsSchema> {
  /** A staff (or admin) token vacancy-intake trusts, or a function giving a fresh one. */
  staffToken: string | (() => Promise<string>);
  onProgress?: (progress: DemoProgress) => void;
  topicName?: TopicNamer;
  logger?: Logger;
  fetch?: Fetch;
}

export interface DemoSummary {
  seed: number;
  workers: { published: number };
  /** `rejected` counts the refusals; `rejections` says what each was (status and problem code). */
  employers: { total: number; created: number; existing: number; rejected: number; rejections: EmployerRejection[] };
  vacancies: { total: number; created: number; existing: number; rejected: number; rejections: VacancyRejection[] };
  durationMs: number;
}

/**
 * Loads the demo into a running KetNoi through its public interfaces:
 * workers on `ingest.workers.v1`, employers and vacancies over
 * vacancy-intake's HTTP API. Idempotent: a second run with the same seed adds nothing.
 */
export async function streamDemo(options: StreamDemoOptions): Promise<DemoSummary> {
  const started = Date.now();
  const settings = countsSchema.parse(options);
  const logger = options.logger ?? pino({ level: 'silent' });
  const report = (phase: DemoPhase, total: number) => (done: number) => options.onProgress?.({ phase, done, total });
  const staffToken = typeof options.staffToken === 'string' ? ((token: string) => async () => token)(options.staffToken) : options.staffToken;
  const employerCount = settings.employers ?? Math.max(1, Math.ceil(settings.vacancies / 10));

  report('workers', settings.workers)(0);
  const published = settings.workers === 0 ? 0 : await publishWorkers({
    kafkaBrokers: settings.kafkaBrokers,
    seed: settings.seed,
    count: settings.workers,
    batchSize: settings.batchSize,
    logger,
    progress: report('workers', settings.workers),
    ...(options.topicName ? { topicName: options.topicName } : {}),
  });
  logger.info({ workers: published }, 'demo workers published');

  const request = httpClient({ baseUrl: settings.vacancyIntakeUrl, fetch: options.fetch ?? fetch, logger });
  const employers = [...generateEmployers(settings.seed, employerCount)];
  report('employers', employers.length)(0);
  const loaded = await loadEmployers(request, staffToken, employers, settings.concurrency, report('employers', employers.length));
  const existing = [...loaded.loaded.values()].filter((e) => e.existed).length;
  logger.info({ employers: loaded.loaded.size, existing, rejected: loaded.rejected.length }, 'demo employers loaded');

  const vacancies = [...generateVacancies(settings.seed, settings.vacancies, { employers: employerCount, today: settings.today ?? vietnamToday() })];
  report('vacancies', vacancies.length)(0);
  const counts = await loadVacancies(request, staffToken, loaded.loaded, vacancies, {
    concurrency: settings.concurrency,
    logger,
    progress: report('vacancies', vacancies.length),
  });
  logger.info({ created: counts.created, existing: counts.existing, rejected: counts.rejected.length }, 'demo vacancies loaded');

  return {
    seed: settings.seed,
    workers: { published },
    employers: { total: employers.length, created: loaded.loaded.size - existing, existing, rejected: loaded.rejected.length, rejections: loaded.rejected },
    vacancies: { total: vacancies.length, created: counts.created, existing: counts.existing, rejected: counts.rejected.length, rejections: counts.rejected },
    durationMs: Date.now() - started,
  };
}
