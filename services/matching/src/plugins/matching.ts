import type { ReferenceData } from '@ketnoi/reference-data';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import { monthOf } from '../domain/age.js';
import { ReferenceTables } from '../domain/reference-tables.js';
import type { ScoringConfig } from '../domain/scoring-config.js';
import { scoringContext } from '../domain/scoring-context.js';
import { MatchEngine } from '../engine/match-engine.js';
import { ProjectionStore } from '../repositories/projection-store.js';
import { MatchAnnouncer } from '../use-cases/match-announcer.js';
import { EngineReads, type MatchReads } from '../use-cases/match-reads.js';
import { MatchingService } from '../use-cases/matching-service.js';
import { RematchJobs } from '../use-cases/rematch-jobs.js';

declare module 'fastify' {
  interface FastifyInstance {
    matching: MatchingService;
    /** The HTTP reads: from the engine, or (sharded) from the collections. */
    matchReads: MatchReads;
    rematchJobs: RematchJobs;
  }
}

export interface MatchingPluginOptions {
  scoring: ScoringConfig;
  reference: ReferenceData;
  now: () => Date;
  /**
   * Sharded mode: the working set is not loaded (each shard is built when its
   * partition comes), and the reads and re-match jobs are the sharding plugin's.
   */
  sharded: boolean;
}

/** The engine and its use cases, rebuilt from the service's own collections before any consumer starts. */
export const matchingPlugin = fp(
  async (app: FastifyInstance, { scoring, reference, now, sharded }: MatchingPluginOptions) => {
    const tables = new ReferenceTables(reference);
    const engine = new MatchEngine(scoringContext(tables, scoring, monthOf(now())));
    const store = new ProjectionStore(app.mongo);
    const service = new MatchingService(engine, tables, store, new MatchAnnouncer(engine, store, app.publisher, now));
    app.decorate('matching', service);
    if (sharded) return;
    await service.load(app.log as Logger);
    app.decorate('matchReads', new EngineReads(() => service.engine));
    const jobs = new RematchJobs(service, now, app.log as Logger);
    app.decorate('rematchJobs', jobs);
    app.addHook('onClose', () => jobs.close());
  },
  { name: 'matching', fastify: '5.x', dependencies: ['mongo', 'kafka'] },
);
