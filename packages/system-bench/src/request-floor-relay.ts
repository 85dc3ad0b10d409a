/** A pending-index entry as the request floor's relay reads it: `_id` the version's, `events` the outbox text. */
export interface FloorEntry {
  _id: string;
  events: string;
}

/** The relay's round trips, given by its process (FerretDB and Kafka) or by a test. */
export interface FloorRelayIo {
  /** Up to `limit` pending entries, in natural order. */
  read: (limit: number) => Promise<FloorEntry[]>;
  /** Their events produced (one send). */
  send: (entries: readonly FloorEntry[]) => Promise<void>;
  /** Their entries deleted (one deleteMany by `_id`). */
  remove: (ids: readonly string[]) => Promise<void>;
  /** Their versions marked published (one unordered bulkWrite of an update by `_id` each). */
  mark: (ids: readonly string[]) => Promise<void>;
  /** Waits `ms`, or less when `wake` is called meanwhile. */
  sleep: (ms: number, wake: (call: () => void) => void) => Promise<void>;
  now: () => number;
}

export interface FloorRelayCounts {
  reads: number;
  sends: number;
  events: number;
  marks: number;
}

/**
 * service-kit's OutboxRelay for first versions of one event each (no batch
 * entries, nothing tentative), as its loop runs: a write hands its entry over
 * (`offer`) and kicks it. While its last read found everything pending and is
 * younger than `idleMs`, it produces the entries handed over without reading
 * and drops them from the index with the next read's; otherwise it reads up
 * to `batchSize` entries in natural order (first dropping those), produces
 * their events, deletes them. It goes on at once only when the read filled its
 * limit or a write kicked meanwhile, else it waits for a kick or an idle tick
 * (500 ms, doubling while nothing is found, up to 5 s). Published versions
 * are marked in one bulk write once 5,000 wait, or when a read finds nothing
 * and the last mark is older than 1 s (and ten times its duration). Left out:
 * the recovery pass (every 10 min, and once at start, before the phase).
 */
export class FloorRelay {
  readonly counts: FloorRelayCounts = { reads: 0, sends: 0, events: 0, marks: 0 };
  private running = false;
  private kicked = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private unmarked: string[] = [];
  private marking = 0;
  private lastMark = 0;
  private lastMarkMs = 0;
  private mustRead = true;
  private lastRead = Number.NEGATIVE_INFINITY;
  private offered: FloorEntry[] = [];
  private published = new Set<string>();
  private undeleted: string[] = [];

  constructor(
    private readonly io: FloorRelayIo,
    private readonly settings = { batchSize: 500, idleMs: 500, idleMaxMs: 5_000, markEvery: 5_000, markIntervalMs: 1_000 },
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
    await this.drop();
    await this.markPublished();
  }

  /** Versions published and not yet marked (those whose mark is on its way included). */
  get unmarkedCount(): number {
    return this.unmarked.length + this.marking;
  }

  /** An entry just written (a first version): published without a read while the last read found everything. */
  offer(entry: FloorEntry): void {
    this.offered.push(entry);
  }

  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /** The entries handed over, or one read (the published ones dropped first); what it has published. Returns how many events went out. */
  async flushOnce(): Promise<number> {
    const { batchSize, idleMs, markEvery, markIntervalMs } = this.settings;
    const offered = this.offered.splice(0);
    const handedOver = !this.mustRead && offered.length > 0 && offered.length <= batchSize && this.io.now() - this.lastRead < idleMs;
    this.mustRead = true;
    let moreLeft = false;
    let entries: FloorEntry[];
    if (handedOver) entries = offered.filter((e) => !this.published.has(e._id));
    else {
      await this.drop();
      this.lastRead = this.io.now();
      entries = await this.io.read(batchSize);
      this.counts.reads += 1;
      moreLeft = entries.length >= batchSize;
    }
    if (entries.length === 0) {
      if (this.io.now() - this.lastMark >= Math.max(markIntervalMs, 10 * this.lastMarkMs)) await this.markPublished();
      this.mustRead = moreLeft;
      return 0;
    }
    await this.io.send(entries);
    this.counts.sends += 1;
    this.counts.events += entries.length;
    const ids = entries.map((e) => e._id);
    if (handedOver) this.undeleted.push(...ids);
    else await this.io.remove(ids);
    this.unmarked.push(...ids);
    if (this.unmarked.length >= markEvery) await this.markPublished();
    this.published = new Set(ids);
    this.mustRead = moreLeft || this.undeleted.length >= batchSize;
    return entries.length;
  }

  /** The published entries handed over, dropped from the index in one write. */
  private async drop(): Promise<void> {
    if (this.undeleted.length === 0) return;
    const ids = [...this.undeleted];
    await this.io.remove(ids);
    this.undeleted.splice(0, ids.length);
  }

  private async markPublished(): Promise<void> {
    this.lastMark = this.io.now();
    const ids = this.unmarked.splice(0);
    if (ids.length === 0) return;
    this.marking = ids.length;
    try {
      await this.io.mark(ids);
    } finally {
      this.marking = 0;
    }
    this.counts.marks += 1;
    this.lastMarkMs = this.io.now() - this.lastMark;
  }

  private async run(): Promise<void> {
    let quiet = 0;
    let failures = 0;
    while (this.running) {
      try {
        this.kicked = false;
        const published = await this.flushOnce();
        failures = 0;
        if (published > 0) {
          quiet = 0;
          if (this.mustRead) continue;
        } else quiet += 1;
      } catch (error) {
        failures += 1;
        this.onError(error);
      }
      const { idleMs, idleMaxMs } = this.settings;
      const idle = failures === 0 ? Math.min(idleMs * 2 ** Math.max(0, quiet - 1), idleMaxMs) : Math.min(idleMs * 2 ** failures, 10_000);
      if (this.kicked && failures === 0) continue;
      await this.io.sleep(idle, (call) => (this.wake = call));
      this.wake = undefined;
    }
  }
}
