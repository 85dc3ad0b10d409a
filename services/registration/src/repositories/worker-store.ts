import { VersionedStore } from '@ketnoi/service-kit';
import { Schema, type Connection } from 'mongoose';
import type { WorkerState } from '../domain/worker-state.js';

/** Fields of the head used to find workers; the personal fields stay sealed. */
const headSchema = () => {
  const schema = new Schema(
    {
      status: { type: String, index: true },
      communeCode: { type: String, index: true },
      /** Head only: keyed hash of the citizen-ID, for look-up. */
      citizenIdHash: { type: String, index: true },
      /** Head only: the name without diacritics, for staff search. */
      nameFolded: { type: String, index: true },
    },
    { strict: false, minimize: false },
  );
  return schema;
};

export type WorkerStore = VersionedStore<WorkerState>;

/**
 * Heads are found by `_id` and the declared fields only, versions by
 * `aggregateId`: everything else of a worker is packed into one JSON text
 * (`packScalars`), which the head and the version share.
 */
export const createWorkerStore = (connection: Connection): WorkerStore =>
  new VersionedStore<WorkerState>({ connection, name: 'workers', headSchema: headSchema(), packScalars: true });
