import type { TopicDefinition, TopicEvent } from '@ketnoi/contracts';
import type { EventPublisher } from '@ketnoi/messaging';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import type { PendingEvent } from './outbox-fields.js';
import { entryVersions, pendingModelFor, recoverPending, settledVersions, watchIndex, type EntryVersion, type PendingDoc } from './pending-index.js';
import { claimEntry, dropMarkers, dropOldMarkers, markersOf, type SettledMarker } from './settled-markers.js';

/** An entry to publish now, with how its fate was decided when it is a tentative batch entry. */
interface Taken {
  entry: PendingDoc;
  versions: EntryVersion[];
  /** `settled`: by its writer's marker; `taken`: taken over by a relay (its writer late); absent: not tentative. */
  by?: 'settled' | 'taken';
}

/** How long a marker outlives its entry: a taken-over entry's writer coming back within it learns it was taken. */
const MARKER_KEPT_MS = 24 * 60 * 60 * 1000;

export interface OutboxRelayOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>;
  publisher: EventPublisher;
  /** The topics this outbox may carry, by contract name. */
  topics: readonly TopicDefinition[];
  logger: Logger;
  /** Versions read, published and dropped from the pending index together (default 500; a batch entry is not split). */
  batchSize?: number;
  /**
   * Most events in one producer send (default 500): a batch of thousands of
   * versions goes out in several, so that no partition's share of a send
   * comes near the broker's message size limit (1 MB by default).
   */
  sendChunk?: number;
  /**
   * How often to look for pending events when nobody kicks the relay (writers
   * in this process do after each write), right after it published; each look
   * that finds nothing doubles the wait, up to `idleMaxMs`. Default 500 ms.
   */
  idleMs?: number;
  /**
   * Longest wait between two looks while nothing is pending (default ten times
   * `idleMs`): what another process's write (one that cannot kick this relay)
   * or a recovered crash may wait. An idle service polled twice a second per
   * relay before: 3% of a core for jobfairs' relays alone, doing nothing.
   */
  idleMaxMs?: number;
  /** How often to look for versions whose pending-index entry a crash lost. */
  recoverEveryMs?: number;
  /**
   * Only versions at least this old are re-indexed (younger ones are being
   * indexed by their writer); a tentative batch entry this old, unsettled, whose
   * versions all exist is taken over and published (its writer died before
   * settling it). Default 60 s.
   */
  recoverAfterMs?: number;
  /**
   * A tentative batch entry this old is given up on: the events of the
   * versions that exist go out, the rest are dropped (their versions were
   * never written). Default 10 minutes: far beyond any writer's timeouts, as
   * a writer still at work would lose the events it writes after this.
   */
  abandonAfterMs?: number;
  /**
   * Published versions are marked (outbox emptied) in one write once this many
   * have gone out, and whenever nothing is left to publish. Default 5000.
   */
  markEvery?: number;
  /**
   * Least time between two marks made because nothing was left to publish.
   * Default 1000 ms, and at least ten times the last mark's duration, so that
   * marking takes at most a tenth of the time.
   */
  markIntervalMs?: number;
}

/**
 * Publishes the events waiting in aggregate versions' embedded outboxes,
 * oldest version first, drops their pending-index entries, then marks those
 * versions published and empties their outboxes. A crash before the mark
 * publishes again (after the recovery grace): delivery is at least once, and
 * consumers skip versions they have applied.
 *
 * The relay writes per batch, not per version: one `deleteMany` of the
 * batch's index entries, and one `bulkWrite` marking up to `markEvery`
 * versions by `_id` while a backlog drains. Versions created in bulk
 * (`VersionedStore.createMany`) share one batch entry and keep no outbox:
 * one entry read and deleted for hundreds of versions, none marked; their
 * writer settles that entry with a small marker (`settled-markers.ts`), read
 * with the entries in one more read by `_id`. A first version's entry written
 * in this process is handed to its relay as well (`watchIndex`), which then
 * publishes it without reading the index, as long as its last read found
 * everything pending and was made within `idleMs` (an entry of another
 * process waits at most that): a read per request less. On FerretDB (patched by infra/,
 * see infra/ferretdb/README.md) a write by `_id` alone searches the `_id`
 * index, where a filter on any other field reads the whole collection.
 */
export class OutboxRelay {
  private running = false;
  private lastRecovery = 0;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private kicked = false;
  private readonly topics: Map<string, TopicDefinition>;
  /** Versions published but not yet marked (their outboxes still hold the events). */
  private unmarked: string[] = [];
  private lastMark = 0;
  private lastMarkMs = 0;
  private lagMs = 0;
  /** Entries to read next: about a batch of versions (batch entries hold many). */
  private entryLimit: number | undefined;
  /** Tentative entries the last read left waiting for their writers. */
  private waiting = 0;
  /**
   * The next flush reads the index: the last read filled its limit or left a
   * tentative entry waiting, a flush failed, or an entry this relay was not
   * handed was written. False only while every entry pending is known to be
   * among those handed over since (`offered`).
   */
  private mustRead = true;
  /** When the index was last read: it is read at least every `idleMs` (entries of other processes, recovered ones). */
  private lastRead = 0;
  /** First versions' entries this process wrote since the last flush began, as written (`watchIndex`). */
  private offered: PendingDoc[] = [];
  /** The entries the last flush published: one handed over while that flush read the index may be among them. */
  private published = new Set<string>();
  /** Handed-over entries published and still in the index: dropped in one write before the next read. */
  private undeleted: string[] = [];
  private unwatch: (() => void) | undefined;

  constructor(private readonly options: OutboxRelayOptions) {
    this.topics = new Map(options.topics.map((topic) => [topic.name, topic]));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unwatch = watchIndex(this.options.model, (entry) => this.offer(entry));
    this.loop = this.run();
  }

  /**
   * An entry this process wrote. A first version's own entry (no older
   * version of its aggregate can be waiting) is published from here, without
   * reading the index, when the last read found everything pending; any other
   * entry makes the next flush read.
   */
  private offer(entry: PendingDoc): void {
    if (entry.order === 1 && entry.batch === undefined && entry.tentative !== true) this.offered.push(entry);
    else this.mustRead = true;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unwatch?.();
    this.kick();
    await this.loop;
    await this.dropUndeleted().catch((error: unknown) => {
      // Left in the index: published again after the next start (at least once).
      this.options.logger.warn({ err: error, entries: this.undeleted.length }, 'outbox: could not drop published entries at stop');
    });
    await this.markPublished().catch((error: unknown) => {
      // Left pending: the recovery pass of the next start publishes them again.
      this.options.logger.warn({ err: error, versions: this.unmarked.length }, 'outbox: could not mark published versions at stop');
    });
  }

  /** Age of the oldest version in the last batch published, when it went out (0 before any). */
  get lastLagMs(): number {
    return this.lagMs;
  }

  /** Asks the relay to look now (after a write) instead of at the next idle tick. */
  kick(): void {
    // A kick while the relay is busy is kept: it looks again at once instead of waiting.
    this.kicked = true;
    this.wake?.();
  }

  /** Publishes one batch of pending versions; returns how many events went out. */
  async flushOnce(): Promise<number> {
    const pending = pendingModelFor(this.options.model);
    const batchSize = this.options.batchSize ?? 500;
    const offered = this.offered.splice(0);
    const handedOver = !this.mustRead && offered.length > 0 && offered.length <= batchSize && Date.now() - this.lastRead < (this.options.idleMs ?? 500);
    // Until this flush is through, the next one reads: what it takes stays in the index until dropped.
    this.mustRead = true;
    let moreLeft = false;
    let taken: Taken[];
    if (handedOver) {
      taken = offered.filter((entry) => !this.published.has(entry._id)).map((entry) => ({ entry, versions: entryVersions(entry) }));
    } else {
      // Everything handed over before this read is in it (or beyond its limit: read again), but those already published.
      await this.dropUndeleted();
      this.lastRead = Date.now();
      const limit = this.entryLimit ?? batchSize;
      const entries = await this.nextBatch(pending, batchSize);
      taken = await this.publishable(entries, batchSize);
      moreLeft = entries.length >= limit || this.waiting > 0;
    }
    if (taken.length === 0) {
      const interval = Math.max(this.options.markIntervalMs ?? 1_000, 10 * this.lastMarkMs);
      if (Date.now() - this.lastMark >= interval) await this.markPublished();
      this.mustRead = moreLeft;
      return 0;
    }
    const events = taken.flatMap(({ versions }) => versions.flatMap((version) => version.events));
    await this.publishInOrder(events);
    this.lagMs = Date.now() - Math.min(...taken.map(({ entry }) => new Date(entry.at).getTime()));
    // Entries taken over are dropped while still tentative: a writer of a build before markers settles by clearing the flag, and its entry then goes out again (twice, never lost).
    const done = taken.filter(({ by }) => by !== 'taken').map(({ entry }) => entry._id);
    // Handed-over entries are dropped with the next read's (a write per request less); a crash before that publishes them again.
    if (handedOver) this.undeleted.push(...done);
    else if (done.length > 0) await pending.deleteMany({ _id: { $in: done } });
    for (const { entry } of taken.filter(({ by }) => by === 'taken')) await pending.deleteOne({ _id: entry._id, tentative: true });
    // A taken-over entry's marker stays: its writer, if it comes back, learns it and enters its events again.
    await dropMarkers(this.options.model, taken.filter(({ by }) => by === 'settled').map(({ entry }) => entry._id));
    // Batch entries' versions keep no outbox: nothing to mark.
    this.unmarked.push(...taken.filter(({ entry }) => entry.batch === undefined).map(({ entry }) => entry._id));
    // Marked in round trips of `markEvery` versions while there is more to publish, and
    // within about a second once there is not, so events (which may carry personal data)
    // do not linger at rest.
    if (this.unmarked.length >= (this.options.markEvery ?? 5_000)) await this.markPublished();
    this.published = new Set(taken.map(({ entry }) => entry._id));
    this.mustRead = moreLeft || this.undeleted.length >= batchSize;
    return events.length;
  }

  /**
   * The entries to publish now, in the order read, up to `batchSize` versions
   * (at least one entry). A tentative batch entry waits for its writer to
   * settle it; once older than `recoverAfterMs` it goes out if all its
   * versions exist, and once older than `abandonAfterMs` with the events of
   * those that do. The next read asks for about as many entries as make a
   * batch, plus those left waiting.
   */
  private async publishable(entries: readonly PendingDoc[], batchSize: number): Promise<Taken[]> {
    const taken: Taken[] = [];
    let count = 0;
    let waiting = 0;
    // A tentative entry's marker is read with those of the others: one small read by `_id`.
    const markers = await markersOf(this.options.model, entries.filter((entry) => entry.tentative).map((entry) => entry._id));
    for (const entry of entries) {
      if (taken.length > 0 && count >= batchSize) break;
      const next = entry.tentative ? await this.tentative(entry, markers.get(entry._id)) : { entry, versions: entryVersions(entry) };
      if (next === undefined) {
        waiting += 1;
        continue;
      }
      taken.push(next);
      count += Math.max(1, next.versions.length);
    }
    const perEntry = taken.length === 0 ? 1 : count / taken.length;
    this.entryLimit = Math.ceil(batchSize / perEntry) + waiting;
    this.waiting = waiting;
    return taken;
  }

  /**
   * A tentative batch entry to publish now: settled by its writer's marker,
   * or taken over (`lateVersions`, then a marker claiming it, which a writer
   * settling meanwhile refuses or wins); undefined while it waits.
   */
  private async tentative(entry: PendingDoc, marker: SettledMarker | undefined): Promise<Taken | undefined> {
    if (marker !== undefined && marker.taken !== true) return { entry, versions: settledVersions(entry, marker), by: 'settled' };
    const versions = await this.lateVersions(entry);
    if (versions === undefined) return undefined;
    // Claimed before it goes out: its writer, settling after this, enters its events again instead of counting on these.
    const found = marker ?? (await claimEntry(this.options.model, entry._id));
    if (found !== undefined && found.taken !== true) return { entry, versions: settledVersions(entry, found), by: 'settled' };
    return { entry, versions, by: 'taken' };
  }

  /** The versions of a tentative batch entry to publish now, or undefined while its writer may still settle it. */
  private async lateVersions(entry: PendingDoc): Promise<EntryVersion[] | undefined> {
    const age = Date.now() - new Date(entry.at).getTime();
    if (age < (this.options.recoverAfterMs ?? 60_000)) return undefined;
    const versions = entryVersions(entry);
    const found = await this.options.model.find({ _id: { $in: versions.map((version) => version.id) } }).select({ _id: 1 }).lean();
    const written = new Set(found.map((doc) => String(doc._id)));
    if (written.size === versions.length) return versions;
    if (age < (this.options.abandonAfterMs ?? 600_000)) return undefined;
    this.options.logger.warn({ entry: entry._id, written: written.size, of: versions.length }, 'outbox: gave up waiting for a batch writer; publishing the versions it wrote');
    return versions.filter((version) => written.has(version.id));
  }

  /**
   * The next entries to publish. The natural order is not the insertion order
   * on PostgreSQL (concurrent inserts fill different pages), and FerretDB sorts
   * only after reading the whole collection. So a batch is read in natural
   * order, which is cheap, and kept when every entry in it holds first versions
   * (nothing of their aggregates can be older: bulk registrations and imports).
   * Otherwise the batch is read again oldest first, by the version's time and
   * then its number, so one aggregate's versions go out in order across batches.
   */
  private async nextBatch(pending: Model<PendingDoc>, batchSize: number): Promise<PendingDoc[]> {
    const limit = this.entryLimit ?? batchSize;
    const natural = (await pending.find().limit(limit).lean()) as PendingDoc[];
    if (natural.every((doc) => doc.order === 1)) return natural;
    return (await pending.find().sort({ at: 1, order: 1 }).limit(limit).lean()) as PendingDoc[];
  }

  /** Drops the handed-over entries published since the last read from the index, in one write. */
  private async dropUndeleted(): Promise<void> {
    if (this.undeleted.length === 0) return;
    const ids = [...this.undeleted];
    await pendingModelFor(this.options.model).deleteMany({ _id: { $in: ids } });
    this.undeleted.splice(0, ids.length);
  }

  /**
   * Marks the published versions and empties their outboxes, in one round
   * trip: an unordered bulkWrite of one update by `_id` per version. Its cost
   * follows the number of versions marked; an `updateMany` over `_id: {$in}`
   * read the whole collection on FerretDB (3.2 s against 0.3 s for 500 of
   * 20,000 versions on SQLite). A version is written once and only marked
   * after, so the `_id` alone is the filter (a second key would stop FerretDB
   * from using the index).
   */
  async markPublished(): Promise<number> {
    this.lastMark = Date.now();
    const ids = [...this.unmarked];
    if (ids.length === 0) return 0;
    await this.options.model.bulkWrite(
      ids.map((_id) => ({ updateOne: { filter: { _id }, update: { $set: { outboxPending: false, outbox: [] } } } })),
      { ordered: false },
    );
    this.unmarked.splice(0, ids.length);
    this.lastMarkMs = Date.now() - this.lastMark;
    return ids.length;
  }

  /** Rebuilds lost pending-index entries; returns how many. */
  async recover(): Promise<number> {
    const grace = this.options.recoverAfterMs ?? 60_000;
    const recovered = await recoverPending(this.options.model, grace > 0 ? new Date(Date.now() - grace) : undefined);
    if (recovered > 0) {
      // Entries it re-created were handed to nobody.
      this.mustRead = true;
      this.options.logger.warn({ recovered }, 'outbox: re-indexed unpublished versions');
    }
    await dropOldMarkers(this.options.model, pendingModelFor(this.options.model), new Date(Date.now() - MARKER_KEPT_MS));
    this.lastRecovery = Date.now();
    return recovered;
  }

  /**
   * Each topic's events in order, in sends of up to `sendChunk`; the topics
   * side by side (they share no partition, so no key's order is at stake).
   */
  private async publishInOrder(events: readonly PendingEvent[]): Promise<void> {
    const byTopic = new Map<string, PendingEvent[]>();
    for (const event of events) {
      const group = byTopic.get(event.topic);
      if (group) group.push(event);
      else byTopic.set(event.topic, [event]);
    }
    for (const name of byTopic.keys()) {
      if (!this.topics.has(name)) throw new Error(`outbox holds an event for ${name}, which this relay does not publish`);
    }
    const chunk = this.options.sendChunk ?? 500;
    await Promise.all(
      [...byTopic].map(async ([name, pending]) => {
        for (let start = 0; start < pending.length; start += chunk) await this.send(this.topics.get(name)!, pending.slice(start, start + chunk));
      }),
    );
  }

  private async send(topic: TopicDefinition, pending: readonly PendingEvent[]): Promise<void> {
    // Validated against the contract when the change was made (pendingEvent): sent as they are.
    const source = this.options.publisher.source;
    const events = pending.map(({ id, type, subject, time, data }) => ({
      specversion: '1.0' as const,
      id,
      source,
      type,
      time,
      subject,
      datacontenttype: 'application/json' as const,
      data,
    }));
    await this.options.publisher.send(topic, events as TopicEvent<TopicDefinition>[]);
  }

  private async run(): Promise<void> {
    let failures = 0;
    let quiet = 0;
    while (this.running) {
      try {
        // Mark first: a published but unmarked version would look lost to the recovery.
        if (Date.now() - this.lastRecovery > (this.options.recoverEveryMs ?? 600_000)) await this.markPublished().then(() => this.recover());
        this.kicked = false;
        const published = await this.flushOnce();
        failures = 0;
        if (published > 0) {
          quiet = 0;
          // Again at once only when more may be waiting: the read left some, or a write kicked meanwhile.
          // Otherwise the next look is a kick's or the idle tick's (a read that finds nothing was a round trip per write).
          if (this.mustRead) continue;
        } else quiet += 1;
      } catch (error) {
        failures += 1;
        this.options.logger.warn({ err: error, failures }, 'outbox relay failed; will retry');
      }
      const idleMs = this.options.idleMs ?? 500;
      const idle = failures === 0 ? Math.min(idleMs * 2 ** Math.max(0, quiet - 1), this.options.idleMaxMs ?? 10 * idleMs) : Math.min(idleMs * 2 ** failures, 10_000);
      if (this.kicked && failures === 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idle);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
