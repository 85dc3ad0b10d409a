import { randomBytes } from 'node:crypto';
import { jobFairsTopic, matchesTopic, placementsTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import type { TopicNamer } from '@ketnoi/messaging';
import { clientKey, consumerPlugin, createEventService, groupIdOf, outboxPlugin, rateLimitPlugin, topicNamerOf, type ServiceApp, type ServiceAppOptions } from '@ketnoi/service-kit';
import type { FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import { projectOnMatchBatch } from './consumers/project-on-match-event.js';
import { projectOnVacancyBatch } from './consumers/project-on-vacancy-event.js';
import { projectOnWorkerBatch } from './consumers/project-on-worker-event.js';
import { readSelfServiceToken } from './domain/tokens.js';
import { jobfairsPlugin } from './plugins/jobfairs.js';
import { reminderSweepPlugin } from './plugins/reminder-sweep.js';
import { boothRoutes } from './routes/booths.js';
import { fairRoutes } from './routes/fairs.js';
import { interviewRoutes } from './routes/interviews.js';
import { registrationRoutes } from './routes/registrations.js';
import { selfServiceRoutes } from './routes/self-service.js';

/** What tests change; production uses the defaults. */
export interface BuildOverrides extends Partial<Pick<ServiceAppOptions, 'logger' | 'auth' | 'defaultMetrics'>> {
  topicName?: TopicNamer;
  groupId?: string;
  now?: () => Date;
  outboxIdleMs?: number;
  /** Kafka consumer fetch wait, ms (short in tests). */
  maxWaitTimeInMs?: number;
}

const DESCRIPTION =
  'Job fairs (phiên giao dịch việc làm): staff schedule sessions and register workers; employers register booths and publish ' +
  'interview slots; each worker gets the fair\'s vacancies ranked by matching, each booth its attendees ranked (pseudonymous ' +
  'until they agree to share); clash-free bookings, QR check-in, outcomes and the fair report.';

const produces = [jobFairsTopic, placementsTopic] as const;

/** A self-service caller with a valid link spends the budget of that link (fair and worker), others that of their token or address. */
function rateKey(request: FastifyRequest): string {
  const token = request.headers['x-jobfair-link'];
  const { signer, now } = request.server.jobfairs;
  const link = !request.principal && typeof token === 'string' ? readSelfServiceToken(signer, token, now()) : null;
  return link ? `link:${link.fairId}:${link.workerId}` : clientKey(request);
}

export async function buildApp(config: Config, overrides: BuildOverrides = {}): Promise<ServiceApp> {
  const topicName = overrides.topicName ?? topicNamerOf(config);
  const app = await createEventService({
    config,
    description: DESCRIPTION,
    logger: overrides.logger,
    auth: overrides.auth,
    ...(overrides.defaultMetrics === undefined ? {} : { defaultMetrics: overrides.defaultMetrics }),
    source: `/ketnoi/${config.SERVICE_NAME}`,
    produces,
    topicName,
  });
  const secret = config.JOBFAIRS_TOKEN_SECRET ?? randomBytes(32).toString('base64url');
  if (!config.JOBFAIRS_TOKEN_SECRET) app.log.warn('JOBFAIRS_TOKEN_SECRET is unset: QR codes and links are signed with a key made at start (local use only)');
  await app.register(jobfairsPlugin, {
    secret,
    now: overrides.now ?? (() => new Date()),
    gridMinutes: config.SLOT_GRID_MINUTES,
    linkTtlHours: config.SELF_SERVICE_LINK_TTL_HOURS,
  });
  const outbox = { topics: produces, ...(overrides.outboxIdleMs ? { idleMs: overrides.outboxIdleMs } : {}) };
  for (const store of ['fairs', 'booths', 'registrations', 'interviews', 'reminders'] as const) {
    await app.register(outboxPlugin, { ...outbox, model: (instance) => instance.jobfairs.stores[store].versions });
  }
  // One consumer handling one partition at a time: the projections are one
  // in-memory state, changed one batch at a time (JOBFAIRS_BATCH_SIZE=0: batches of one).
  const batch = { maxBatchSize: Math.max(1, config.JOBFAIRS_BATCH_SIZE) };
  await app.register(
    consumerPlugin({
      name: 'projections',
      groupId: overrides.groupId ?? groupIdOf(config, config.PROJECTION_GROUP_ID),
      topicName,
      fromBeginning: true,
      ...(overrides.maxWaitTimeInMs ? { maxWaitTimeInMs: overrides.maxWaitTimeInMs } : {}),
      subscribe: (consumer, instance) => {
        const projections = () => instance.jobfairs.projections;
        return consumer
          .subscribeBatch(workersTopic, projectOnWorkerBatch(projections), batch)
          .subscribeBatch(vacanciesTopic, projectOnVacancyBatch(projections), batch)
          .subscribeBatch(matchesTopic, projectOnMatchBatch(projections), batch);
      },
    }),
  );
  await app.register(reminderSweepPlugin, { leadHours: config.REMINDER_LEAD_HOURS, intervalMs: config.REMINDER_SWEEP_MS });
  await app.register(rateLimitPlugin, { max: config.RATE_LIMIT_MAX, timeWindowMs: config.RATE_LIMIT_WINDOW_MS, keyOf: rateKey });
  await app.register(fairRoutes);
  await app.register(boothRoutes);
  await app.register(registrationRoutes);
  await app.register(interviewRoutes);
  await app.register(selfServiceRoutes);
  return app;
}
