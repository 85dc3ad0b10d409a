import { insertNew } from '@ketnoi/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import { capSlotIds } from '../domain/cap-slots.js';

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

  /** Who holds each taken slot of these workers' day (slot id → matchId), in one read. */
  async holders(workerIds: readonly string[], day: string): Promise<Map<string, string>> {
    const ids = [...new Set(workerIds)].flatMap((workerId) => capSlotIds(workerId, day, this.cap));
    if (ids.length === 0) return new Map();
    const docs = await this.model.find({ _id: { $in: ids } }).lean<SlotDoc[]>();
    return new Map(docs.map((doc) => [doc._id, doc.matchId]));
  }

  /** Inserts slots taken in memory; returns how many were taken meanwhile by someone else (another instance). */
  async insert(slots: readonly SlotDoc[]): Promise<number> {
    return (await insertNew(this.model.collection, slots)).size;
  }
}
