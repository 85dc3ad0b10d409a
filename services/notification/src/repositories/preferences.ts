import { Schema, type Connection, type Model } from 'mongoose';

export const deliveryModes = ['each', 'digest'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

export interface PreferenceDoc {
  _id: string;
  /** `each`: one message per match (the default); `digest`: one message per day listing the day's matches. */
  delivery: DeliveryMode;
  updatedAt: Date;
}

/** How each worker wants match messages, set through the API (staff or the worker), replaced by `_id`. */
export class Preferences {
  readonly model: Model<PreferenceDoc>;

  constructor(connection: Connection) {
    this.model = connection.model<PreferenceDoc>(
      'Preference',
      new Schema<PreferenceDoc>({ _id: String, delivery: String, updatedAt: Date }, { versionKey: false }),
      'preferences',
    );
  }

  async get(workerId: string): Promise<PreferenceDoc | null> {
    return this.model.findById(workerId).lean<PreferenceDoc>();
  }

  /** Which of these workers chose the digest (one read). */
  async digestWorkers(workerIds: readonly string[]): Promise<Set<string>> {
    const docs = await this.model.find({ _id: { $in: [...new Set(workerIds)] } }).lean<PreferenceDoc[]>();
    return new Set(docs.filter((doc) => doc.delivery === 'digest').map((doc) => doc._id));
  }

  async set(workerId: string, delivery: DeliveryMode, at: Date): Promise<void> {
    await this.model.replaceOne({ _id: workerId }, { delivery, updatedAt: at }, { upsert: true });
  }

  async forget(workerId: string): Promise<void> {
    await this.model.deleteOne({ _id: workerId });
  }
}
