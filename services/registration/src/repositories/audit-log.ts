import { Schema, type Connection, type Model } from 'mongoose';

export type AuditAction = 'read-profile' | 'look-up' | 'register' | 'update' | 'change-consents' | 'withdraw' | 'erase';

export interface AuditEntry {
  actor: string;
  action: AuditAction;
  workerId: string;
  at: Date;
  requestId?: string;
}

/** Who read or changed which worker, when: kept apart from the worker so erasure keeps the trail. */
export class AuditLog {
  readonly model: Model<AuditEntry>;

  constructor(connection: Connection) {
    const schema = new Schema<AuditEntry>(
      { actor: String, action: String, workerId: { type: String, index: true }, at: Date, requestId: String },
      { versionKey: false },
    );
    this.model = connection.model<AuditEntry>('AuditEntry', schema, 'audit_log');
  }

  async record(entry: Omit<AuditEntry, 'at'>): Promise<void> {
    await this.model.create({ ...entry, at: new Date() });
  }

  async recordMany(entries: readonly Omit<AuditEntry, 'at'>[]): Promise<void> {
    if (entries.length === 0) return;
    const at = new Date();
    // Through the driver (which gives each entry its ObjectId, as mongoose did), without a mongoose document per entry.
    await this.model.collection.insertMany(
      entries.map((entry) => ({ ...entry, at })),
      { ordered: false, ignoreUndefined: true },
    );
  }
}
