import { addOutbox, insertVersion, type PendingEvent } from '@ketnoi/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
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

export const deliveryKey = (matchId: string, channel: WorkerChannel): string => `${matchId}:${channel}`;

interface Step {
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
    return insertOnce(() => this.insert(deliveryKey(step.matchId, step.channel), 1, step));
  }

  /** Records how a claimed send ended, with its event; false when an outcome was recorded before (only one ever is). */
  finish(step: Step): Promise<boolean> {
    return insertOnce(() => this.insert(`${deliveryKey(step.matchId, step.channel)}:2`, 2, step));
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
    return insertOnce(() => this.insert(`${deliveryKey(matchId, channel)}:sending`, 0, { matchId, workerId, channel, state: 'sending', at }));
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

  private insert(_id: string, version: number, { events = [], ...step }: Step) {
    return insertVersion(this.model, { _id, version, ...step, outbox: events });
  }
}
