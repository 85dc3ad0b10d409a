import { randomUUID } from 'node:crypto';
import { referenceData } from '@ketnoi/reference-data';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import { smtpEmailSender, type EmailSender } from '../channels/email-sender.js';
import { httpSmsGateway, type SmsSender } from '../channels/sms-gateway.js';
import { systemResolver, type ResolveHost } from '../channels/webhook-target.js';
import type { NotificationConfig } from '../config.js';
import { DIGEST_TEMPLATE, digestProbe } from '../domain/digest-variables.js';
import { invitationProbe, JOBFAIR_INVITATION_TEMPLATE, JOBFAIR_REMINDER_TEMPLATE, reminderProbe } from '../domain/jobfair-notice.js';
import { MATCH_TEMPLATE } from '../domain/match-notice.js';
import { PLACEMENT_TEMPLATE, placementProbe } from '../domain/placement-notice.js';
import { loadMessage } from '../messages/message-templates.js';
import { Contacts } from '../repositories/contacts.js';
import { DailyCap } from '../repositories/daily-cap.js';
import { Deferred } from '../repositories/deferred.js';
import { Deliveries } from '../repositories/deliveries.js';
import { Digests } from '../repositories/digests.js';
import { Inbox } from '../repositories/inbox.js';
import { JobSummaries, type PlaceLookup } from '../repositories/job-summaries.js';
import { Leases } from '../repositories/leases.js';
import { MatchStates } from '../repositories/match-states.js';
import { Preferences } from '../repositories/preferences.js';
import { WebhookQueue } from '../repositories/webhook-queue.js';
import { WebhookSubscriptions } from '../repositories/webhook-subscriptions.js';
import type { DeliveryFaults, NotificationDeps } from '../use-cases/deps.js';

declare module 'fastify' {
  interface FastifyInstance {
    notification: NotificationDeps;
  }
}

export interface NotificationPluginOptions {
  config: NotificationConfig;
  now?: () => Date;
  sms?: SmsSender;
  email?: EmailSender;
  /** Resolves webhook targets' host names (tests: a name that changes its address). */
  resolveHost?: ResolveHost;
  /** Tests only: a crash between a send and its record. */
  faults?: DeliveryFaults;
}

const placeOf: PlaceLookup = (code) => {
  const commune = referenceData.list('communes').get(code);
  return commune ? { name: commune.name, kind: commune.type === 'ward' ? 'ward' : 'commune' } : undefined;
};

/** The notification service's repositories, channels and templates, built once on its mongo connection. */
export const notificationPlugin = fp(
  async (app: FastifyInstance, { config, now, resolveHost, faults, ...channels }: NotificationPluginOptions) => {
    const messages = {
      matchProposed: loadMessage(MATCH_TEMPLATE),
      placementRecorded: loadMessage(PLACEMENT_TEMPLATE, undefined, placementProbe),
      matchDigest: loadMessage(DIGEST_TEMPLATE, undefined, digestProbe),
      jobfairInvitation: loadMessage(JOBFAIR_INVITATION_TEMPLATE, undefined, invitationProbe),
      jobfairReminder: loadMessage(JOBFAIR_REMINDER_TEMPLATE, undefined, reminderProbe),
    };
    const deps: Omit<NotificationDeps, 'published'> = {
      contacts: new Contacts(app.mongo),
      preferences: new Preferences(app.mongo),
      digests: new Digests(app.mongo),
      // One holder name per running instance: what its leases are recorded under.
      leases: new Leases(app.mongo, `${config.SERVICE_NAME}-${randomUUID()}`, config.LEASE_TTL_MS),
      jobs: new JobSummaries(app.mongo, placeOf),
      deliveries: new Deliveries(app.mongo),
      matchStates: new MatchStates(app.mongo),
      cap: new DailyCap(app.mongo, config.DAILY_CAP),
      inbox: new Inbox(app.mongo),
      deferred: new Deferred(app.mongo),
      sms:
        channels.sms ??
        httpSmsGateway({
          url: config.SMS_GATEWAY_URL,
          authHeader: config.SMS_GATEWAY_AUTH_HEADER,
          bodyTemplate: config.SMS_GATEWAY_BODY_TEMPLATE,
          timeoutMs: config.SMS_GATEWAY_TIMEOUT_MS,
        }),
      email: channels.email ?? smtpEmailSender(config.SMTP_URL, config.EMAIL_FROM),
      emailFrom: config.EMAIL_FROM,
      ...(faults ? { faults } : {}),
      messages,
      digestTime: config.DIGEST_TIME,
      retryAfterMs: config.POLLER_RETRY_MS,
      placementMaxAgeMs: config.PLACEMENT_MAX_AGE_HOURS * 3_600_000,
      quietHours: { start: config.QUIET_HOURS_START, end: config.QUIET_HOURS_END, timeZone: config.QUIET_HOURS_TIME_ZONE },
      contactWaitMs: config.NOTIFICATION_CONTACT_WAIT_MS,
      sendConcurrency: config.NOTIFICATION_SEND_CONCURRENCY,
      webhooks: {
        subscriptions: new WebhookSubscriptions(app.mongo),
        queue: new WebhookQueue(app.mongo),
        allowList: config.WEBHOOK_ALLOWED_HOSTS ?? [],
        resolve: resolveHost ?? systemResolver,
        retry: { initialMs: config.WEBHOOK_RETRY_INITIAL_MS, maxMs: config.WEBHOOK_RETRY_MAX_MS, giveUpAfterMs: config.WEBHOOK_GIVE_UP_AFTER_MS },
        timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      },
      now: now ?? (() => new Date()),
      log: (app.log as Logger).child({ component: 'deliveries' }),
    };
    await Promise.all([deps.deliveries.model.init(), deps.inbox.model.init(), deps.webhooks.subscriptions.model.init(), deps.digests.items.init()]);
    app.decorate('notification', {
      ...deps,
      published: () => app.outboxes.get(deps.deliveries.model.modelName)?.kick(),
    });
    app.addHook('onClose', () => deps.email.close());
  },
  { name: 'notification', fastify: '5.x', dependencies: ['mongo'] },
);
