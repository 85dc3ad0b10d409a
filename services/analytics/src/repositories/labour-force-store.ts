import { Schema, type Connection, type Model } from 'mongoose';
import type { LabourForceDoc } from '../domain/labour-force.js';
import type { LabourForceSink } from '../use-cases/labour-force-table.js';

/** The uploaded labour-force statistics, one document per period and area, replaced by `_id`. */
export class LabourForceStore implements LabourForceSink {
  private readonly model: Model<LabourForceDoc>;

  constructor(connection: Connection) {
    this.model = connection.model<LabourForceDoc>('LabourForce', new Schema({ _id: String }, { versionKey: false, strict: false, collection: 'labour_force' }));
  }

  async loadLabourForce(): Promise<LabourForceDoc[]> {
    return this.model.find().lean<LabourForceDoc[]>();
  }

  async saveLabourForce(doc: LabourForceDoc): Promise<void> {
    await this.model.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }
}
