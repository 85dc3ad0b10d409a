import { streamDemo, type DemoSummary } from '@ketnoi/demo';
import type { ProgressBar } from './progress-bar.js';

export type { DemoSummary };

export interface DemoOptions {
  kafkaBrokers: readonly string[];
  vacancyIntakeUrl: string;
  staffToken: string;
  workers: number;
  vacancies: number;
  seed: number;
  bar: ProgressBar;
}

/** Streams @ketnoi/demo's data through the public interfaces (ingest topic, employer HTTP), with a progress bar. */
export async function streamDemoData(options: DemoOptions): Promise<DemoSummary> {
  try {
    return await streamDemo({
      kafkaBrokers: [...options.kafkaBrokers],
      vacancyIntakeUrl: options.vacancyIntakeUrl,
      staffToken: options.staffToken,
      workers: options.workers,
      vacancies: options.vacancies,
      seed: options.seed,
      onProgress: ({ phase, done, total }) => options.bar.update(phase, done, total),
    });
  } finally {
    options.bar.done();
  }
}
