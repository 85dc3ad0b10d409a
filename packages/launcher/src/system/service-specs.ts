import { join } from 'node:path';
import { namedValues } from '@ketnoi/service-kit';
import { niceValue } from '../supervisor/cpu-priority.js';

/** The six services, in start order: producers of a topic before its consumers. */
export const SERVICE_NAMES = ['registration', 'vacancy-intake', 'matching', 'notification', 'analytics', 'jobfairs'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Default HTTP ports (each service's own default, except vacancy-intake's, which is 3000 in its config). */
export const DEFAULT_PORTS: Record<ServiceName, number> = {
  registration: 3001,
  'vacancy-intake': 3002,
  matching: 3003,
  notification: 3004,
  analytics: 3005,
  jobfairs: 3006,
};

/** `vacancy-intake` → `vacancy_intake`: database names without dashes. */
export const databaseName = (prefix: string, service: ServiceName): string => `${prefix}${service.replace(/-/g, '_')}`;

/** What runs a service: its own build's `server.js` (with the environment of `serviceEnv`). */
export const serverScript = (root: string, service: ServiceName): string => join(root, 'services', service, 'dist/server.js');

/**
 * CPU priorities of services (`KETNOI_NICE`, `BENCH_SERVICE_NICE`):
 * `service=nice,service=nice` (e.g. `notification=10,analytics=10,jobfairs=10`);
 * a service left out runs at 0. Empty: all at 0.
 */
export const servicePriorities = namedValues().transform((values, ctx) => {
  const priorities: Partial<Record<ServiceName, number>> = {};
  for (const [service, value] of Object.entries(values)) {
    const nice = niceValue.safeParse(value);
    if (!SERVICE_NAMES.includes(service as ServiceName) || value === '' || !nice.success) {
      ctx.addIssue({ code: 'custom', message: `not service=nice (a service of ${SERVICE_NAMES.join(', ')}; an integer from -20 to 19): ${service}=${value}` });
    } else priorities[service as ServiceName] = nice.data;
  }
  return priorities;
});
