import type { WorkerContact } from '@ketnoi/contracts';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Contact } from '../domain/types.js';
import { applyNewest } from './apply-newest.js';

interface ContactDoc extends Omit<Contact, 'workerId' | 'erased'> {
  _id: string;
}

const contactSchema = new Schema<ContactDoc>(
  {
    _id: String,
    version: Number,
    phone: String,
    email: String,
    language: String,
    channels: { sms: Boolean, email: Boolean, inApp: Boolean },
    consent: Boolean,
  },
  { versionKey: false },
);

const contactOf = ({ _id, ...rest }: ContactDoc): Contact => ({ ...rest, workerId: _id, erased: false });

// Inserted through the driver, which would store an undefined field as null.
const contactDoc = (contact: WorkerContact): ContactDoc => ({
  _id: contact.workerId,
  version: contact.version,
  ...(contact.phone === undefined ? {} : { phone: contact.phone }),
  ...(contact.email === undefined ? {} : { email: contact.email }),
  language: contact.preferredLanguage,
  channels: contact.channels,
  consent: contact.consentToNotifications,
});

/** Erased workers, by id: an erasure is final, so a late contact event cannot bring them back. */
const erasureSchema = new Schema<{ _id: string; at: Date }>({ _id: String, at: Date }, { versionKey: false });

/**
 * How to reach each worker (projection of worker-contacts.v1), keyed by
 * workerId and written only by the projections consumer. The name is not kept:
 * no message needs it.
 */
export class Contacts {
  readonly model: Model<ContactDoc>;
  readonly erasures: Model<{ _id: string; at: Date }>;

  constructor(connection: Connection) {
    this.model = connection.model<ContactDoc>('Contact', contactSchema, 'contacts');
    this.erasures = connection.model('Erasure', erasureSchema, 'erasures');
  }

  async get(workerId: string): Promise<Contact | null> {
    const doc = await this.model.findById(workerId).lean<ContactDoc>();
    return doc ? contactOf(doc) : null;
  }

  /** The known contacts of these workers, by workerId (one read). */
  async getMany(workerIds: readonly string[]): Promise<Map<string, Contact>> {
    const docs = await this.model.find({ _id: { $in: [...new Set(workerIds)] } }).lean<ContactDoc[]>();
    return new Map(docs.map((doc) => [doc._id, contactOf(doc)]));
  }

  /**
   * Applies contact versions in order, each true when it was newer than the
   * stored one (or an earlier one of the list) and the worker is not erased:
   * one read of the erasures, then `applyNewest` (one read of the stored
   * versions, one insert of the new contacts, one bulk replace of the others).
   */
  async applyMany(contacts: readonly WorkerContact[]): Promise<boolean[]> {
    const ids = [...new Set(contacts.map((contact) => contact.workerId))];
    const erased = await this.erasures.find({ _id: { $in: ids } }).select({ _id: 1 }).lean<{ _id: string }[]>();
    const gone = new Set(erased.map((doc) => doc._id));
    return applyNewest(this.model, contacts.map((contact) => ({ id: contact.workerId, version: contact.version, contact })), ({ contact }) => contactDoc(contact), gone);
  }

  /** Forgets a worker's contact for good; false when already forgotten. */
  async erase(workerId: string, at: Date): Promise<boolean> {
    const known = await this.erasures.exists({ _id: workerId });
    if (!known) await this.erasures.updateOne({ _id: workerId }, { $set: { at } }, { upsert: true });
    const { deletedCount } = await this.model.deleteOne({ _id: workerId });
    return !known || deletedCount > 0;
  }
}
