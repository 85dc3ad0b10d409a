import type { KeyRing } from '../crypto/key-ring.js';
import type { ReferenceLookup } from '../domain/reference-lookup.js';
import type { AuditLog } from '../repositories/audit-log.js';
import type { DataKeys } from '../repositories/data-keys.js';
import type { Identities } from '../repositories/identities.js';
import type { WorkerStore } from '../repositories/worker-store.js';

/** What the use cases work with; built once by the registration plugin. */
export interface RegistrationDeps {
  store: WorkerStore;
  keys: DataKeys;
  identities: Identities;
  audit: AuditLog;
  ring: KeyRing;
  hashKey: Buffer;
  refs: ReferenceLookup;
  now: () => Date;
  /** Tells the outbox relay there is something to publish. */
  published: () => void;
}

export interface Actor {
  /** Subject of the token, or the ingest topic for changes that came over Kafka. */
  id: string;
  requestId?: string;
}

export const today = (deps: RegistrationDeps): string => deps.now().toISOString().slice(0, 10);
