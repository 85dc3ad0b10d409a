import { VersionedStore } from '@ketnoi/service-kit';
import { Schema, type Connection } from 'mongoose';
import type { BoothState, FairState, InterviewState, RegistrationState, SlotState } from '../domain/model.js';
import { claimModel, type ClaimModel } from './claims.js';

/** A reminder sent: one aggregate per (fair or interview, worker), so a repeat collides instead of sending twice. */
export interface ReminderState {
  reminderId: string;
  fairId: string;
  workerId: string;
  kind: 'fair' | 'interview';
}

/** Everything this service stores: aggregates as versions + heads, and unique claims. */
export interface Stores {
  fairs: VersionedStore<FairState>;
  booths: VersionedStore<BoothState>;
  registrations: VersionedStore<RegistrationState>;
  slots: VersionedStore<SlotState>;
  interviews: VersionedStore<InterviewState>;
  reminders: VersionedStore<ReminderState>;
  /**
   * Insert-only claims with unique ids: `seat:<fair>:<n>` (capacity),
   * `slot:<slot>` (one interview per slot) and `time:<worker>:<cell>` (no
   * overlapping interviews for a worker).
   */
  claims: ClaimModel;
}

// Heads keep the whole state at the top level; lists filter them by fairId.
const heads = (): Schema => new Schema({ fairId: { type: String, required: true } }, { minimize: false, _id: false, strict: false });

export async function openStores(connection: Connection): Promise<Stores> {
  const store = <S extends object>(name: string) => new VersionedStore<S>({ connection, name, headSchema: heads() });
  const stores: Stores = {
    fairs: store<FairState>('fairs'),
    booths: store<BoothState>('booths'),
    registrations: store<RegistrationState>('registrations'),
    slots: store<SlotState>('slots'),
    interviews: store<InterviewState>('interviews'),
    reminders: store<ReminderState>('reminders'),
    claims: claimModel(connection, 'claims'),
  };
  await Promise.all([
    stores.fairs.init(),
    stores.booths.init(),
    stores.registrations.init(),
    stores.slots.init(),
    stores.interviews.init(),
    stores.reminders.init(),
    stores.claims.init(),
  ]);
  return stores;
}

/** The heads of one fair's aggregates (a scan on FerretDB: fairs are small). */
export async function listOfFair<S extends object>(store: VersionedStore<S>, fairId: string): Promise<S[]> {
  const docs = await store.heads.find({ fairId }).lean();
  return docs.map((doc) => {
    const { _id, version, updatedAt, ...state } = doc as Record<string, unknown>;
    void _id;
    void version;
    void updatedAt;
    return state as S;
  });
}
