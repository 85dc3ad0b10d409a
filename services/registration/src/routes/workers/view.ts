import type { AggregateVersion } from '@ketnoi/service-kit';
import type { WorkerState } from '../../domain/worker-state.js';
import type { WorkerProfile } from '../../domain/types.js';
import type { WorkerView } from './schemas.js';

export const toView = (worker: AggregateVersion<WorkerState>, profile: WorkerProfile): WorkerView => ({
  workerId: worker.id,
  version: worker.version,
  status: worker.state.status,
  minor: worker.state.minor,
  priority: worker.state.priority,
  consents: worker.state.consents,
  registeredAt: worker.state.registeredAt,
  profile,
});

export const etag = (version: number): string => `"${version}"`;

/** The version an If-Match names: "3", W/"3" or 3. */
export const versionFromIfMatch = (value: string): number => Number(value.replace(/^W\//, '').replaceAll('"', ''));
