import { baseConfigSchema, commaList, optionalEnv } from '@ketnoi/service-kit';
import { z } from 'zod';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const notificationConfigSchema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().default('notification'),
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3004),
  /** The SMS gateway: POST of the rendered body template to this URL. */
  SMS_GATEWAY_URL: z.url(),
  /** Header sent with every gateway call, "Name: value" (e.g. "Authorization: Bearer …"). */
  SMS_GATEWAY_AUTH_HEADER: optionalEnv(z.string().regex(/^[A-Za-z0-9-]+: .+$/, '"Header-Name: value"')),
  /** Handlebars template of the gateway's body, with {{to}} and {{text}}; `json` quotes a value (mind a space before a closing brace). */
  SMS_GATEWAY_BODY_TEMPLATE: z.string().default('{"to": {{json to}}, "text": {{json text}} }'),
  SMS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'smtp:// or smtps:// URL'),
  EMAIL_FROM: z.string().min(3).default('KetNoi Thái Nguyên <no-reply@ketnoi.local>'),
  QUIET_HOURS_START: clock.default('21:00'),
  QUIET_HOURS_END: clock.default('07:00'),
  QUIET_HOURS_TIME_ZONE: z.string().default('Asia/Ho_Chi_Minh'),
  /** Most match notifications one worker receives per local day; the rest are suppressed. */
  DAILY_CAP: z.coerce.number().int().min(1).max(50).default(5),
  /** How long a proposal waits for the contact of a worker not projected yet (0: judged at once, without one). */
  NOTIFICATION_CONTACT_WAIT_MS: z.coerce.number().int().min(0).max(3_600_000).default(300_000),
  /** Most matches.v1 events of a partition handled together (read once, judged in order, written once); 0: one at a time, a batch of one. */
  NOTIFICATION_BATCH_SIZE: z.coerce.number().int().min(0).max(5_000).default(500),
  /** Most SMS, and most emails, of a match batch under way at once (the SMS claimed together just before: a crash leaves at most this many SMS unknown). */
  NOTIFICATION_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** How often deferred (quiet-hours) notifications are looked at. */
  DEFERRED_POLL_MS: z.coerce.number().int().positive().default(30_000),
  /** Local time (QUIET_HOURS_TIME_ZONE) at which daily digests go out; inside the quiet hours they wait for their end. */
  DIGEST_TIME: clock.default('18:00'),
  DIGEST_POLL_MS: z.coerce.number().int().positive().default(60_000),
  /** How long a poller (deferred sends, digests) waits before trying an item again after a retriable channel failure. */
  POLLER_RETRY_MS: z.coerce.number().int().positive().default(60_000),
  /** How long an instance holds a due item (deferred send, webhook try, digest) before another may take it over. */
  LEASE_TTL_MS: z.coerce.number().int().min(1_000).default(300_000),
  /** A hire recorded longer ago than this is history (a replay, a late first start): no message, no webhook. */
  PLACEMENT_MAX_AGE_HOURS: z.coerce.number().int().positive().default(168),
  /** Hosts (`host` or `host:port`) that webhooks may target without https and the private-address check: local development only. */
  WEBHOOK_ALLOWED_HOSTS: optionalEnv(commaList()),
  WEBHOOK_POLL_MS: z.coerce.number().int().positive().default(1_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  WEBHOOK_RETRY_INITIAL_MS: z.coerce.number().int().positive().default(30_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().positive().default(3_600_000),
  /** A delivery still failing this long after its first attempt is parked in the dead-letter store. */
  WEBHOOK_GIVE_UP_AFTER_MS: z.coerce.number().int().positive().default(86_400_000),
});

export type NotificationConfig = z.output<typeof notificationConfigSchema>;
