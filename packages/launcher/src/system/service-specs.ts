import { join } from 'node:path';

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
