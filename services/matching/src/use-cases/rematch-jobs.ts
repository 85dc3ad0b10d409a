import { randomUUID } from 'node:crypto';
import { conflict, unavailable } from '@ketnoi/errors';
import type { Logger } from 'pino';
import { monthOf } from '../domain/age.js';
import type { RematchProgress } from './matching-service.js';

/** What re-matches: the one instance's service, or (sharded) every shard through the shard input. */
export interface Rematcher {
  /** The scoring version and the open vacancies as a job starts (sharded: 0, counted as the shards report). */
  outlook(): { scoringVersion: string; vacancies: number };
  /** Runs a job; `incomplete` when it stopped early without knowing it (the service is closing). */
  rematch(asOfMonth: number, progress: (p: RematchProgress) => void, cancelled: () => boolean, jobId: string): Promise<RematchProgress & { incomplete?: boolean }>;
}

export interface RematchJob extends RematchProgress {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  scoringVersion: string;
  startedAt: string;
  finishedAt: string | null;
  ms: number | null;
}

const KEPT = 20;

/**
 * POST /v1/rematch as a background job: one at a time, its progress
 * readable while it runs. Jobs live in memory (the last 20); a restart
 * forgets them, and a re-match cut short by one is simply run again.
 */
export class RematchJobs {
  private readonly jobs = new Map<string, RematchJob>();
  private running: RematchJob | undefined;
  private finished: Promise<unknown> = Promise.resolve();
  private closing = false;

  constructor(
    private readonly service: Rematcher,
    private readonly now: () => Date,
    private readonly log: Logger,
  ) {}

  start(): RematchJob {
    if (this.closing) throw unavailable('The service is closing');
    if (this.running) throw conflict('A re-match is already running', { details: { jobId: this.running.jobId } });
    const started = this.now();
    const job: RematchJob = {
      jobId: randomUUID(),
      state: 'running',
      ...this.service.outlook(),
      done: 0,
      changed: 0,
      events: 0,
      startedAt: started.toISOString(),
      finishedAt: null,
      ms: null,
    };
    this.keep(job);
    this.running = job;
    const clock = performance.now();
    const log = this.log.child({ jobId: job.jobId });
    const finish = (state: RematchJob['state']) => {
      Object.assign(job, { state, finishedAt: this.now().toISOString(), ms: Math.round(performance.now() - clock) });
      this.running = undefined;
    };
    this.finished = this.service
      .rematch(
        monthOf(started),
        (progress) => {
          Object.assign(job, progress);
          if (progress.done % 1000 < 100 || progress.done === progress.vacancies) log.info(progress, 'rematch progress');
        },
        () => this.closing,
        job.jobId,
      )
      .then(({ incomplete, ...result }) => {
        Object.assign(job, result);
        finish(incomplete || result.done < result.vacancies ? 'cancelled' : 'done');
        log.info({ ...result, state: job.state, ms: job.ms }, 'rematch finished');
      })
      .catch((error: unknown) => {
        finish('failed');
        log.error({ err: error, done: job.done }, 'rematch failed');
      });
    return { ...job };
  }

  /** Stops a running job after its current chunk (the service is closing). */
  async close(): Promise<void> {
    this.closing = true;
    await this.finished;
  }

  get(jobId: string): RematchJob | undefined {
    const job = this.jobs.get(jobId);
    return job && { ...job };
  }

  private keep(job: RematchJob): void {
    this.jobs.set(job.jobId, job);
    for (const id of this.jobs.keys()) {
      if (this.jobs.size <= KEPT) break;
      if (this.jobs.get(id) !== this.running) this.jobs.delete(id);
    }
  }
}
