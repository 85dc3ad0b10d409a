import { addOutbox, insertVersion, insertVersions, type PendingEvent } from '@ketnoi/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import { deliveryKey } from '../domain/notice.js';
import type { WorkerChannel } from '../domain/types.js';
import { insertOnce } from './duplicate-key.js';

export type DeliveryState = 'sending' | 'sent' | 'failed' | 'suppressed' | 'deferred';

export interface DeliveryDoc {
  _id: string;
  version: number;
  matchId: string;
  workerId: string;
  channel: WorkerChannel;
  state: DeliveryState;
  at: Date;
  /** Recorded as sent after a crash left the send's result unknown (SMS: not sent again). */
  uncertain?: boolean;
}

const deliverySchema = new Schema<DeliveryDoc>(
  { _id: String, version: Number, matchId: String, workerId: String, channel: String, state: String, at: Date, uncertain: Boolean },
  { versionKey: false },
);
addOutbox(deliverySchema);

export interface Step {
  matchId: string;
  workerId: string;
  channel: WorkerChannel;
  state: DeliveryState;
  at: Date;
  uncertain?: boolean;
  events?: PendingEvent[];
}

/**
 * The delivery log, one immutable document per step and the embedded outbox
 * of notifications.v1. Step 1 (`<matchId>:<channel>`) is the claim: its unique
 * insert is what makes a redelivered or replayed match send nothing twice.
 * Step 2 (`…:2`) records the outcome of a send and carries its event.
 */
export class Deliveries {
  readonly model: Model<DeliveryDoc>;

  constructor(connection: Connection) {
    this.model = connection.model<DeliveryDoc>('Delivery', deliverySchema, 'deliveries');
  }

  /** Claims (match, channel); false when it was claimed before. */
  claim(step: Step): Promise<boolean> {
    return this.insertOne(deliveryKey(step.matchId, step.channel), 1, step);
  }

  /** Records how a claimed send ended, with its event; false when an outcome was recorded before (only one ever is). */
  finish(step: Step): Promise<boolean> {
    return this.insertOne(`${deliveryKey(step.matchId, step.channel)}:2`, 2, step);
  }

  /** The recorded outcome of a claimed send, if any. */
  outcome(matchId: string, channel: WorkerChannel): Promise<DeliveryDoc | null> {
    return this.model.findById(`${deliveryKey(matchId, channel)}:2`).lean<DeliveryDoc>();
  }

  /**
   * Marks a send as under way where the claim itself cannot say so (a
   * deferred send, claimed as `deferred`); false when a mark exists: an
   * earlier try stopped between its send and its record.
   */
  markSending(matchId: string, workerId: string, channel: WorkerChannel, at: Date): Promise<boolean> {
    return this.insertOne(`${deliveryKey(matchId, channel)}:sending`, 0, { matchId, workerId, channel, state: 'sending', at });
  }

  /** Takes the mark back after a failure worth retrying. */
  async unmarkSending(matchId: string, channel: WorkerChannel): Promise<void> {
    await this.model.deleteOne({ _id: `${deliveryKey(matchId, channel)}:sending` });
  }

  /** Gives a claim back after a failure worth retrying, so the retry can claim it again. */
  async release(matchId: string, channel: WorkerChannel): Promise<void> {
    await this.model.deleteOne({ _id: deliveryKey(matchId, channel) });
  }

  /** Records a delivery that has no claim of its own (a webhook outcome), with its events. */
  async record(_id: string, recipientId: string, channel: string, state: DeliveryState, at: Date, events: PendingEvent[]): Promise<void> {
    await insertOnce(() => insertVersion(this.model, { _id, version: 1, matchId: '', workerId: recipientId, channel, state, at, outbox: events }));
  }

  async get(matchId: string, channel: WorkerChannel): Promise<DeliveryDoc | null> {
    return this.model.findById(deliveryKey(matchId, channel)).lean<DeliveryDoc>();
  }

  /** Claims several (match, channel) in one command; returns the indexes of those claimed before. */
  claimMany(steps: readonly Step[]): Promise<Set<number>> {
    return this.insertMany(steps.map((step) => ({ _id: deliveryKey(step.matchId, step.channel), version: 1, step })));
  }

  /** Records several outcomes in one command; one recorded before stays as it was. */
  async finishMany(steps: readonly Step[]): Promise<void> {
    await this.insertMany(steps.map((step) => ({ _id: `${deliveryKey(step.matchId, step.channel)}:2`, version: 2, step })));
  }

  /** Gives several claims back (a failure worth retrying stopped the batch before their sends). */
  async releaseMany(keys: readonly { matchId: string; channel: WorkerChannel }[]): Promise<void> {
    if (keys.length > 0) await this.model.deleteMany({ _id: { $in: keys.map((k) => deliveryKey(k.matchId, k.channel)) } });
  }

  /**
   * The claims of these notifications on every channel, and the outcomes of
   * those claimed `sending` (an outcome is only ever recorded under such a
   * claim), by `_id`: their states. Most matches come once, so a batch asks
   * for their claims only (three ids per match, where claims and outcomes
   * together were six), and a second read only when some claim was found
   * sending. (FerretDB's reads cost mostly per document found: ids of a
   * fresh match, all missing, were cheap already; this mostly spares the
   * outcomes of suppressed claims, which never have one.)
   */
  async stepsOf(keys: readonly string[], channels: readonly WorkerChannel[]): Promise<Map<string, DeliveryState>> {
    const claims = await this.statesOf([...new Set(keys)].flatMap((key) => channels.map((channel) => deliveryKey(key, channel))));
    const sending = [...claims].flatMap(([id, state]) => (state === 'sending' ? [`${id}:2`] : []));
    return sending.length === 0 ? claims : new Map([...claims, ...(await this.statesOf(sending))]);
  }

  private async statesOf(ids: readonly string[]): Promise<Map<string, DeliveryState>> {
    if (ids.length === 0) return new Map();
    const docs = await this.model.find({ _id: { $in: ids } }).select({ state: 1 }).lean<Pick<DeliveryDoc, '_id' | 'state'>[]>();
    return new Map(docs.map((doc) => [doc._id, doc.state]));
  }

  /** Versions with their events in one command, then their pending-index entries (as insertVersion, for many). */
  private async insertMany(rows: readonly { _id: string; version: number; step: Step }[]): Promise<Set<number>> {
    return insertVersions(
      this.model,
      rows.map(({ _id, version, step: { events = [], ...step } }) => ({ _id, version, ...step, outbox: events })),
    );
  }

  /** One version with its events; false when it was there already. */
  private async insertOne(_id: string, version: number, step: Step): Promise<boolean> {
    return (await this.insertMany([{ _id, version, step }])).size === 0;
  }
}
