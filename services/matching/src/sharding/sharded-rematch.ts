import { buildEvent } from '@ketnoi/messaging';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RematchShardDoc, ShardStore } from '../repositories/shard-store.js';
import type { RematchProgress } from '../use-cases/matching-service.js';
import type { Rematcher } from '../use-cases/rematch-jobs.js';
import type { ShardRouter } from './shard-router.js';
import { shardInputTopic } from './topics.js';

const POLL_MS = 250;

/** Sums the shards' progress: vacancies and done count (shard, vacancy) pairs, changed and events the shard lists sent to the merge stage. */
export function sumProgress(docs: readonly (RematchShardDoc | null)[]): RematchProgress {
  const total: RematchProgress = { vacancies: 0, done: 0, changed: 0, events: 0 };
  for (const doc of docs) {
    if (!doc) continue;
    total.vacancies += doc.vacancies;
    total.done += doc.done;
    total.changed += doc.changed;
    total.events += doc.events;
  }
  return total;
}

/**
 * POST /v1/rematch in sharded mode: the request goes to every partition of
 * the shard input, so each shard's owner, whichever instance it is,
 * re-scores it in turn with its events (ShardHost.requestRematch), and the
 * merge stage announces only the difference. The job follows the shards'
 * progress in `rematch_shards` until each has finished.
 */
export class ShardedRematch implements Rematcher {
  constructor(
    private readonly router: ShardRouter,
    private readonly store: ShardStore,
    private readonly scoringVersion: () => string,
    private readonly source: string,
    private readonly now: () => Date,
  ) {}

  outlook(): { scoringVersion: string; vacancies: number } {
    return { scoringVersion: this.scoringVersion(), vacancies: 0 };
  }

  async rematch(asOfMonth: number, progress: (p: RematchProgress) => void, cancelled: () => boolean, jobId: string) {
    const input = { type: 'shard.rematch-requested' as const, subject: jobId, data: { jobId, asOfMonth } };
    await this.router.toEveryShard(buildEvent(shardInputTopic, input, this.source, this.now));
    for (;;) {
      const docs = await this.store.rematchProgress(jobId, shardInputTopic.partitions);
      const total = sumProgress(docs);
      progress(total);
      const finished = docs.every((doc) => doc && doc.state !== 'running');
      if (finished && docs.some((doc) => doc?.state === 'failed')) throw new Error('a shard failed to re-match');
      if (finished) return { ...total, incomplete: docs.some((doc) => doc?.state === 'cancelled') };
      if (cancelled()) return { ...total, incomplete: true };
      await sleep(POLL_MS);
    }
  }
}
