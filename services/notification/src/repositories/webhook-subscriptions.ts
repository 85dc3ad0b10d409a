import { Schema, type Connection, type Model } from 'mongoose';

export const webhookEventTypes = ['candidate.proposed', 'vacancy.expired', 'candidate.hired'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export interface SubscriptionDoc {
  _id: string;
  employerId: string;
  url: string;
  events: WebhookEventType[];
  secret: string;
  createdAt: Date;
}

const subscriptionSchema = new Schema<SubscriptionDoc>(
  { _id: String, employerId: String, url: String, events: [String], secret: String, createdAt: Date },
  { versionKey: false },
);
subscriptionSchema.index({ employerId: 1 });

/** Employers' webhook subscriptions: few per employer, so a scan by employerId stays small. */
export class WebhookSubscriptions {
  readonly model: Model<SubscriptionDoc>;

  constructor(connection: Connection) {
    this.model = connection.model<SubscriptionDoc>('WebhookSubscription', subscriptionSchema, 'webhook_subscriptions');
  }

  async add(doc: SubscriptionDoc): Promise<void> {
    await this.model.create(doc);
  }

  ofEmployer(employerId: string): Promise<SubscriptionDoc[]> {
    return this.model.find({ employerId }).sort({ createdAt: 1 }).lean<SubscriptionDoc[]>();
  }

  /** The subscriptions of these employers, by employerId, each employer's oldest first (one read). */
  async ofEmployers(employerIds: readonly string[]): Promise<Map<string, SubscriptionDoc[]>> {
    const docs = await this.model.find({ employerId: { $in: [...new Set(employerIds)] } }).sort({ createdAt: 1 }).lean<SubscriptionDoc[]>();
    const byEmployer = new Map<string, SubscriptionDoc[]>();
    for (const doc of docs) byEmployer.set(doc.employerId, [...(byEmployer.get(doc.employerId) ?? []), doc]);
    return byEmployer;
  }

  get(id: string): Promise<SubscriptionDoc | null> {
    return this.model.findById(id).lean<SubscriptionDoc>();
  }

  async remove(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id });
  }
}
