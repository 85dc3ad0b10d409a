import type { Logger } from 'pino';
import type { EmailSender } from '../channels/email-sender.js';
import type { SmsSender } from '../channels/sms-gateway.js';
import type { ResolveHost } from '../channels/webhook-target.js';
import type { DigestVariables } from '../domain/digest-variables.js';
import type { JobVariables } from '../domain/job-variables.js';
import type { InvitationVariables, ReminderVariables } from '../domain/jobfair-notice.js';
import type { PlacementVariables } from '../domain/placement-notice.js';
import type { QuietHours } from '../domain/quiet-hours.js';
import type { WebhookRetryPolicy } from '../domain/webhook-backoff.js';
import type { RenderMessage } from '../messages/message-templates.js';
import type { Contacts } from '../repositories/contacts.js';
import type { DailyCap } from '../repositories/daily-cap.js';
import type { Deferred } from '../repositories/deferred.js';
import type { Deliveries } from '../repositories/deliveries.js';
import type { Digests } from '../repositories/digests.js';
import type { Inbox } from '../repositories/inbox.js';
import type { JobSummaries } from '../repositories/job-summaries.js';
import type { Leases } from '../repositories/leases.js';
import type { MatchStates } from '../repositories/match-states.js';
import type { Preferences } from '../repositories/preferences.js';
import type { WebhookQueue } from '../repositories/webhook-queue.js';
import type { WebhookSubscriptions } from '../repositories/webhook-subscriptions.js';

export interface DeliveryFaults {
  afterSend?: (notificationId: string) => void | Promise<void>;
}

/** Everything the use cases reach, built once by the notification plugin. */
export interface NotificationDeps {
  contacts: Contacts;
  preferences: Preferences;
  jobs: JobSummaries;
  deliveries: Deliveries;
  matchStates: MatchStates;
  cap: DailyCap;
  inbox: Inbox;
  deferred: Deferred;
  digests: Digests;
  leases: Leases;
  sms: SmsSender;
  email: EmailSender;
  /** EMAIL_FROM: its domain names the Message-IDs. */
  emailFrom: string;
  /** Fault injection for tests: runs right after a send, before its outcome is recorded (a crash there). */
  faults?: DeliveryFaults;
  messages: {
    matchProposed: RenderMessage<JobVariables>;
    placementRecorded: RenderMessage<PlacementVariables>;
    matchDigest: RenderMessage<DigestVariables>;
    jobfairInvitation: RenderMessage<InvitationVariables>;
    jobfairReminder: RenderMessage<ReminderVariables>;
  };
  quietHours: QuietHours;
  /** How long a proposal waits for a contact not projected yet (MatchRules.contactWaitMs). */
  contactWaitMs: number;
  /** Most SMS, and most emails, of a match batch sent at once (NOTIFICATION_SEND_CONCURRENCY). */
  sendConcurrency: number;
  /** Local time (HH:MM) at which daily digests go out. */
  digestTime: string;
  /** Hires older than this (ms) are not announced. */
  placementMaxAgeMs: number;
  /** How long a poller waits before trying an item again after a retriable channel failure. */
  retryAfterMs: number;
  webhooks: {
    subscriptions: WebhookSubscriptions;
    queue: WebhookQueue;
    allowList: readonly string[];
    /** Resolves targets' host names, at subscription and at each delivery. */
    resolve: ResolveHost;
    retry: WebhookRetryPolicy;
    timeoutMs: number;
  };
  now: () => Date;
  /** For what the use cases have to say outside a consumer's or poller's own log. */
  log: Logger;
  /** Wakes the outbox relay after a write that carries events. */
  published: () => void;
}
