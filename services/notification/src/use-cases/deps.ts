import type { EmailSender } from '../channels/email-sender.js';
import type { SmsSender } from '../channels/sms-gateway.js';
import type { QuietHours } from '../domain/quiet-hours.js';
import type { RenderedMessage } from '../messages/message-templates.js';
import type { JobVariables } from '../domain/job-variables.js';
import type { Language } from '../domain/types.js';
import type { Contacts } from '../repositories/contacts.js';
import type { DailyCap } from '../repositories/daily-cap.js';
import type { Deferred } from '../repositories/deferred.js';
import type { Deliveries } from '../repositories/deliveries.js';
import type { Inbox } from '../repositories/inbox.js';
import type { JobSummaries } from '../repositories/job-summaries.js';
import type { MatchStates } from '../repositories/match-states.js';
import type { WebhookQueue } from '../repositories/webhook-queue.js';
import type { WebhookSubscriptions } from '../repositories/webhook-subscriptions.js';
import type { WebhookRetryPolicy } from '../domain/webhook-backoff.js';

/** Everything the use cases reach, built once by the notification plugin. */
export interface NotificationDeps {
  contacts: Contacts;
  jobs: JobSummaries;
  deliveries: Deliveries;
  matchStates: MatchStates;
  cap: DailyCap;
  inbox: Inbox;
  deferred: Deferred;
  sms: SmsSender;
  email: EmailSender;
  matchProposed: (language: Language, variables: JobVariables) => RenderedMessage;
  quietHours: QuietHours;
  webhooks: {
    subscriptions: WebhookSubscriptions;
    queue: WebhookQueue;
    allowList: readonly string[];
    retry: WebhookRetryPolicy;
    timeoutMs: number;
  };
  now: () => Date;
  /** Wakes the outbox relay after a write that carries events. */
  published: () => void;
}
