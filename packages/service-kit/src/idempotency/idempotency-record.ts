import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A claimed Idempotency-Key (`_id` = the key's hash) or, once the request is
 * answered, its answer (`_id` = hash + ":answer"), or the id of what the
 * request created (`_id` = hash + ":effect:" + the request's fingerprint),
 * which a release or an abandoned claim leaves in place. All are only ever
 * inserted and deleted, never updated: FerretDB 1.x updates are neither
 * atomic nor fast.
 */
export interface IdempotencyRecord {
  _id: string;
  /** The request the key was first used with (claims only). */
  fingerprint?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** The id of the request's effect (effect records only). */
  effect?: string;
  createdAt: Date;
  expiresAt: Date;
}

const recordSchema = new Schema<IdempotencyRecord>(
  {
    _id: String,
    fingerprint: String,
    status: Number,
    headers: { type: Schema.Types.Mixed },
    body: String,
    effect: String,
    createdAt: { type: Date, required: true },
    // FerretDB 1.x has no TTL indexes: the plugin deletes expired records itself.
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false, minimize: false },
);

export const answerId = (claimId: string): string => `${claimId}:answer`;
/** Per fingerprint: the same key reused with another body after its claim expired names another effect. */
export const effectId = (claimId: string, fingerprint: string): string => `${claimId}:effect:${fingerprint}`;

export const idempotencyModel = (connection: Connection, collection: string): Model<IdempotencyRecord> =>
  connection.models[collection] ?? connection.model<IdempotencyRecord>(collection, recordSchema, collection);
