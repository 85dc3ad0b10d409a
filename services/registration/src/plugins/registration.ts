import type { ReferenceData } from '@ketnoi/reference-data';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { RegistrationConfig } from '../config.js';
import { KeyRing } from '../crypto/key-ring.js';
import { referenceLookup } from '../reference/reference-lookup.js';
import { AuditLog } from '../repositories/audit-log.js';
import { DataKeys } from '../repositories/data-keys.js';
import { Identities } from '../repositories/identities.js';
import { createWorkerStore } from '../repositories/worker-store.js';
import type { RegistrationDeps } from '../use-cases/deps.js';

declare module 'fastify' {
  interface FastifyInstance {
    registration: RegistrationDeps;
  }
}

export interface RegistrationPluginOptions {
  config: RegistrationConfig;
  reference: ReferenceData;
  now?: () => Date;
}

/** The registration's repositories and keys, built once on the service's mongo connection. */
export const registrationPlugin = fp(
  async (app: FastifyInstance, { config, reference, now }: RegistrationPluginOptions) => {
    const store = createWorkerStore(app.mongo);
    const identities = new Identities(app.mongo);
    const audit = new AuditLog(app.mongo);
    await Promise.all([store.init(), audit.model.init()]);
    const ring = new KeyRing(config.REGISTRATION_MASTER_KEYS, config.REGISTRATION_MASTER_KEY_ID);
    app.decorate('registration', {
      store,
      keys: new DataKeys(app.mongo, ring),
      identities,
      audit,
      ring,
      hashKey: Buffer.from(config.REGISTRATION_HASH_KEY, 'base64'),
      refs: referenceLookup(reference),
      now: now ?? (() => new Date()),
      published: () => app.outboxes.get(store.versions.modelName)?.kick(),
    });
  },
  { name: 'registration', fastify: '5.x', dependencies: ['mongo'] },
);
