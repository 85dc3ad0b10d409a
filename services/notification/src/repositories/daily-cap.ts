import { Schema, type Connection, type Model } from 'mongoose';
import { insertOnce } from './duplicate-key.js';

interface SlotDoc {
  _id: string;
  matchId: string;
}

/**
 * A worker's daily allowance as numbered slots (`<workerId>:<day>:<n>`), each
 * taken by a unique insert: FerretDB cannot increment a counter safely under
 * concurrency, but it can refuse a second insert of the same key.
 */
export class DailyCap {
  readonly model: Model<SlotDoc>;

  constructor(
    connection: Connection,
    private readonly cap: number,
  ) {
    this.model = connection.model<SlotDoc>('CapSlot', new Schema<SlotDoc>({ _id: String, matchId: String }, { versionKey: false }), 'cap_slots');
  }

  /** Takes a slot for the match (the same one again on redelivery); false when the day is full. */
  async take(workerId: string, day: string, matchId: string): Promise<boolean> {
    for (let n = 1; n <= this.cap; n += 1) {
      const _id = `${workerId}:${day}:${n}`;
      if (await insertOnce(() => this.model.create({ _id, matchId }))) return true;
      const holder = await this.model.findById(_id).lean<SlotDoc>();
      if (holder?.matchId === matchId) return true;
    }
    return false;
  }
}
