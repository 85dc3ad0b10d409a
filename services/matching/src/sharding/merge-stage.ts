import { matchesTopic, type TopicEventInput } from '@ketnoi/contracts';
import { buildEvent, type EventPublisher } from '@ketnoi/messaging';
import { afterAnnouncing, diffTopK, type Announced, type WithdrawReason } from '../domain/diff-top-k.js';
import type { ScoringConfig } from '../domain/scoring-config.js';
import type { MergedDoc, MergeRecord, ShardStore } from '../repositories/shard-store.js';
import { BatchOutbox, sendMatchEvents } from '../use-cases/batch-outbox.js';
import { matchEventInputs } from '../use-cases/match-events.js';
import { SerialQueue } from '../use-cases/serial-queue.js';
import { ShardListMerge } from './shard-lists.js';
import type { ShardListData } from './topics.js';

type Entry = ShardListData['entries'][number] & { id: string };

interface Merged {
  merge: ShardListMerge<Entry>;
  announced: Announced[];
}

const withId = (entries: ShardListData['entries']): Entry[] => entries.map((entry) => ({ ...entry, id: entry.workerId }));

/**
 * The merge stage, for the partitions of matching.shard-lists.v1 this
 * instance was given (by vacancy): keeps each shard's newest list of each
 * vacancy, takes the best K of their union, and announces the difference on
 * matches.v1 as one instance would. Per batch: merge in memory, record the
 * events and the changed vacancies' state in the partition's outbox,
 * publish, save, empty the outbox. A batch that does not start where the
 * partition's last one ended (or follows a failure) first finishes what the
 * partition's outbox holds, then reloads the partition's state.
 */
export class MergeStage {
  private readonly vacancies = new Map<string, Merged & { partition: number }>();
  private readonly next = new Map<number, number>();
  private readonly queue = new SerialQueue();
  private readonly outboxes = new Map<number, BatchOutbox<MergeRecord>>();

  constructor(
    private readonly config: () => ScoringConfig,
    private readonly store: ShardStore,
    private readonly publisher: EventPublisher,
    private readonly now: () => Date,
  ) {}

  applyBatch(partition: number, offsets: readonly string[], lists: readonly ShardListData[]): Promise<void> {
    return this.queue.run(async () => {
      const first = Number(offsets[0]);
      if (this.next.get(partition) !== first) await this.load(partition);
      try {
        await this.apply(partition, lists);
        this.next.set(partition, Number(offsets[offsets.length - 1]) + 1);
      } catch (error) {
        this.next.delete(partition);
        throw error;
      }
    });
  }

  private async apply(partition: number, lists: readonly ShardListData[]): Promise<void> {
    const touched = new Map<string, Map<string, WithdrawReason>>();
    for (const list of lists) {
      let merged = this.vacancies.get(list.vacancyId);
      if (!merged) this.vacancies.set(list.vacancyId, (merged = { partition, merge: new ShardListMerge(), announced: [] }));
      if (!merged.merge.offer({ ...list, entries: withId(list.entries) })) continue;
      const reasons = touched.get(list.vacancyId) ?? new Map<string, WithdrawReason>();
      for (const { workerId, reason } of list.left) reasons.set(workerId, reason);
      touched.set(list.vacancyId, reasons);
    }
    const config = this.config();
    const at = this.now().toISOString();
    const inputs: TopicEventInput<typeof matchesTopic>[] = [];
    const next = new Map<string, Announced[]>();
    for (const [vacancyId, reasons] of touched) {
      const merged = this.vacancies.get(vacancyId)!;
      const after = merged.merge.top(config.kPerVacancy);
      const deltas = diffTopK(merged.announced, after, config, (workerId) => reasons.get(workerId) ?? 'outranked');
      next.set(vacancyId, afterAnnouncing(merged.announced, after, deltas));
      const byWorker = new Map(after.map((entry) => [entry.id, entry]));
      inputs.push(...matchEventInputs(vacancyId, deltas, config.version, at, (workerId) => byWorker.get(workerId)));
    }
    const events = inputs.map((input) => buildEvent(matchesTopic, input, this.publisher.source, this.now));
    for (const [vacancyId, announced] of next) this.vacancies.get(vacancyId)!.announced = announced;
    const docs = [...touched.keys()].map((vacancyId): MergedDoc => {
      const merged = this.vacancies.get(vacancyId)!;
      const lists = [...merged.merge.held()].map(({ entries, ...rest }) => ({ ...rest, vacancyId, entries: entries.map(({ id: _id, ...entry }) => entry), left: [] }));
      return { _id: vacancyId, partition, lists, announced: merged.announced };
    });
    // Record, send, save, forget: a crash after the record is finished by load() with the same events (see the README).
    await this.outboxOf(partition).write(events.length > 0 ? { events, merged: docs } : undefined, {
      send: () => sendMatchEvents(this.publisher, events),
      save: () => this.store.saveMerged(docs),
    });
  }

  /** The partition's own outbox (its own collection, so an owner deletes only its own records). */
  private outboxOf(partition: number): BatchOutbox<MergeRecord> {
    let outbox = this.outboxes.get(partition);
    if (!outbox) {
      const { store } = this;
      outbox = new BatchOutbox<MergeRecord>(
        { record: (record) => store.record(partition, record), recorded: () => store.recorded(partition), forgetAll: () => store.forgetAll(partition) },
        { resend: (events) => sendMatchEvents(this.publisher, events), save: (record) => store.saveMerged(record.merged) },
      );
      this.outboxes.set(partition, outbox);
    }
    return outbox;
  }

  /** Finishes the partition's batches cut short, forgets its vacancies and reads them back from what was saved. */
  private async load(partition: number): Promise<void> {
    await this.outboxOf(partition).finishCut();
    for (const [vacancyId, merged] of this.vacancies) if (merged.partition === partition) this.vacancies.delete(vacancyId);
    for await (const doc of this.store.merged.find({ partition }).lean().cursor({ batchSize: 5000 })) {
      const merge = new ShardListMerge<Entry>();
      for (const list of doc.lists) merge.offer({ ...list, entries: withId(list.entries) });
      this.vacancies.set(doc._id, { partition, merge, announced: doc.announced });
    }
  }
}
