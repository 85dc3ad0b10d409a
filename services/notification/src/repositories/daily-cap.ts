import { insertNew } from '@ketnoi/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import { capSlotIds, lastCapSlotId } from '../domain/cap-slots.js';

interface SlotDoc {
  _id: string;
  matchId: string;
}

/**
 * A worker's daily allowance as numbered slots (`<workerId>:<day>:<n>`), each
 * taken by a unique insert: FerretDB cannot increment a counter safely under
 * concurrency, but it can refuse a second insert of the same key. Which slot
 * a match gets is worked out in memory (domain/cap-slots.ts) from the holders
 * read here.
 */
export class DailyCap {
  readonly model: Model<SlotDoc>;

  constructor(
    connection: Connection,
    readonly cap: number,
  ) {
    this.model = connection.model<SlotDoc>('CapSlot', new Schema<SlotDoc>({ _id: String, matchId: String }, { versionKey: false }), 'cap_slots');
  }

  /** Holders of the last slot of workers' day found taken (a day's slots are only ever added to): workerId → matchId. */
  private full = { day: '', last: new Map<string, string>() };

  /**
   * Who holds the last slot of these workers' day, for those whose day is
   * full (workerId → matchId), in one read of one slot per worker: on
   * FerretDB a read costs per document found, and most proposals reach a
   * worker at the cap, whose five slots were read each time. A day found
   * full stays full (slots are inserted, never removed), so it is
   * remembered for the day and not read again.
   */
  async lastHolders(workerIds: readonly string[], day: string): Promise<Map<string, string>> {
    if (this.full.day !== day) this.full = { day, last: new Map() };
    const { last } = this.full;
    const lastSlot = new Map([...new Set(workerIds)].filter((w) => !last.has(w)).map((w) => [lastCapSlotId(w, day, this.cap), w]));
    if (lastSlot.size > 0) {
      for (const doc of await this.model.find({ _id: { $in: [...lastSlot.keys()] } }).lean<SlotDoc[]>()) last.set(lastSlot.get(doc._id)!, doc.matchId);
    }
    return new Map(workerIds.flatMap((w) => (last.has(w) ? [[w, last.get(w)!] as const] : [])));
  }

  /** Who holds each taken slot of these workers' day (slot id → matchId), in one read. */
  async holders(workerIds: readonly string[], day: string): Promise<Map<string, string>> {
    const ids = [...new Set(workerIds)].flatMap((workerId) => capSlotIds(workerId, day, this.cap));
    if (ids.length === 0) return new Map();
    const docs = await this.model.find({ _id: { $in: ids } }).lean<SlotDoc[]>();
    return new Map(docs.map((doc) => [doc._id, doc.matchId]));
  }

  /**
   * Matches this instance may have given a slot in a try whose claims are
   * not written yet (`settle`): a retry of that try must read their workers'
   * whole day, as it holds no other trace of them (load-match-batch.ts).
   */
  private readonly unsettled = new Set<string>();

  /** Inserts slots taken in memory; returns how many were taken meanwhile by someone else (another instance). */
  async insert(slots: readonly SlotDoc[]): Promise<number> {
    // Before the insert: one that fails midway may have written some.
    for (const slot of slots) this.unsettled.add(slot.matchId);
    return (await insertNew(this.model.collection, slots)).size;
  }

  /** True when a try of this instance may have given the match a slot and not written its claims (see `settle`). */
  mayHold(matchId: string): boolean {
    return this.unsettled.has(matchId);
  }

  /** The claims of these matches are written: a retry finds them, and their slots through them. */
  settle(matchIds: readonly string[]): void {
    for (const matchId of matchIds) this.unsettled.delete(matchId);
  }
}
