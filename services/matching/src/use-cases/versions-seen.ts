/**
 * The version of each aggregate applied so far: the durable ones, plus those
 * of the batch in hand, which count only once the batch is written (a batch
 * that fails is applied again when retried).
 */
export class VersionsSeen {
  private readonly pending = new Map<string, number>();

  constructor(private readonly durable: Map<string, number>) {}

  /** Whether `version` is newer than any applied; if so it is taken as applied (pending). */
  take(id: string, version: number): boolean {
    if ((this.pending.get(id) ?? this.durable.get(id) ?? 0) >= version) return false;
    this.pending.set(id, version);
    return true;
  }

  commit(): void {
    for (const [id, version] of this.pending) this.durable.set(id, version);
    this.pending.clear();
  }
}
