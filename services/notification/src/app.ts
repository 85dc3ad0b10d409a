import { employersTopic, jobFairsTopic, matchesTopic, notificationsTopic, placementsTopic, vacanciesTopic, workerContactsTopic, workersTopic } from '@ketnoi/contracts';
import type { TopicNamer } from '@ketnoi/messaging';
import { consumerPlugin, createEventService, groupIdOf, outboxPlugin, topicNamerOf, type ServiceApp, type ServiceAppOptions } from '@ketnoi/service-kit';
import type { EmailSender } from './channels/email-sender.js';
import type { SmsSender } from './channels/sms-gateway.js';
import type { ResolveHost } from './channels/webhook-target.js';
import type { NotificationConfig } from './config.js';
import type { DeliveryFaults } from './use-cases/deps.js';
import { notifyOnJobFairEvent } from './consumers/notify-on-jobfair-event.js';
import { forgetOnWorkerErased } from './consumers/forget-on-worker-erased.js';
import { notifyOnMatchProposed } from './consumers/notify-on-match-proposed.js';
import { notifyOnPlacementRecorded } from './consumers/notify-on-placement-recorded.js';
import { projectOnEmployer } from './consumers/project-on-employer.js';
import { projectOnVacancy } from './consumers/project-on-vacancy.js';
import { projectOnWorkerContact } from './consumers/project-on-worker-contact.js';
import { notificationPlugin } from './plugins/notification.js';
import { pollerPlugin } from './plugins/poller.js';
import { inboxRoutes } from './routes/inbox/index.js';
import { preferenceRoutes } from './routes/preferences/index.js';
import { webhookRoutes } from './routes/webhooks/index.js';
import { deliverWebhooks } from './use-cases/deliver-webhooks.js';
import { sendDeferred } from './use-cases/send-deferred.js';
import { sendDigests } from './use-cases/send-digests.js';
import { sweepLeases } from './use-cases/sweep-leases.js';

export interface BuildOverrides extends Partial<Pick<ServiceAppOptions, 'logger' | 'auth'>> {
  topicName?: TopicNamer;
  /** Prefix of the two consumer groups (`<prefix>-projections`, `<prefix>-matches`). */
  groupId?: string;
  now?: () => Date;
  relayIdleMs?: number;
  sms?: SmsSender;
  email?: EmailSender;
  resolveHost?: ResolveHost;
  /** Tests only: fault hooks (a crash between a send and its record). */
  faults?: DeliveryFaults;
}

/** The notification service, ready to listen (server.ts) or to be injected into (tests). */
export async function buildApp(config: NotificationConfig, overrides: BuildOverrides = {}): Promise<ServiceApp> {
  const topicName = overrides.topicName ?? topicNamerOf(config);
  const group = overrides.groupId ?? groupIdOf(config, 'notification');
  const app = await createEventService({
    config,
    description: 'Tells workers about matching jobs, once, in their language, through their channels.',
    logger: overrides.logger,
    auth: overrides.auth,
    source: '/ketnoi/notification',
    produces: [notificationsTopic],
    topicName,
  });
  await app.register(notificationPlugin, {
    config,
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.sms ? { sms: overrides.sms } : {}),
    ...(overrides.email ? { email: overrides.email } : {}),
    ...(overrides.resolveHost ? { resolveHost: overrides.resolveHost } : {}),
    ...(overrides.faults ? { faults: overrides.faults } : {}),
  });
  await app.register(outboxPlugin, {
    model: (instance) => instance.notification.deliveries.model,
    topics: [notificationsTopic],
    ...(overrides.relayIdleMs === undefined ? {} : { idleMs: overrides.relayIdleMs }),
  });
  const deps = () => app.notification;
  // NOTIFICATION_BATCH_SIZE=0: one event at a time, each a batch of one.
  const batch = { maxBatchSize: Math.max(1, config.NOTIFICATION_BATCH_SIZE) };
  // Projections and worker messages in separate groups (a match waiting for its vacancy must not block the vacancy);
  // matches, placements and job fairs together: they are the writers of the match states.
  await app.register(
    consumerPlugin({
      name: 'projections',
      groupId: `${group}-projections`,
      topicName,
      subscribe: (consumer) =>
        consumer
          .subscribeBatch(workerContactsTopic, projectOnWorkerContact(deps), batch)
          .subscribeBatch(workersTopic, forgetOnWorkerErased(deps), { ...batch, types: ['worker.erased'] })
          .subscribeBatch(vacanciesTopic, projectOnVacancy(deps), batch)
          .subscribeBatch(employersTopic, projectOnEmployer(deps), batch),
    }),
  );
  await app.register(
    consumerPlugin({
      name: 'matches',
      groupId: `${group}-matches`,
      topicName,
      subscribe: (consumer) =>
        consumer
          .subscribeBatch(matchesTopic, notifyOnMatchProposed(deps), batch)
          .subscribe(placementsTopic, notifyOnPlacementRecorded(deps))
          .subscribe(jobFairsTopic, notifyOnJobFairEvent(deps)),
    }),
  );
  await app.register(pollerPlugin({ name: 'deferred', pollMs: config.DEFERRED_POLL_MS, round: (instance, log) => sendDeferred(instance.notification, log) }));
  await app.register(pollerPlugin({ name: 'webhooks', pollMs: config.WEBHOOK_POLL_MS, round: (instance, log) => deliverWebhooks(instance.notification, log) }));
  await app.register(pollerPlugin({ name: 'digests', pollMs: config.DIGEST_POLL_MS, round: (instance, log) => sendDigests(instance.notification, log) }));
  await app.register(pollerPlugin({ name: 'leases', pollMs: config.LEASE_TTL_MS, round: (instance) => sweepLeases(instance.notification) }));
  await app.register(inboxRoutes);
  await app.register(preferenceRoutes);
  await app.register(webhookRoutes);
  return app;
}
