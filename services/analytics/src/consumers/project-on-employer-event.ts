import type { employersTopic } from '@ketnoi/contracts';
import type { BatchEventHandler, EventHandler } from '@ketnoi/messaging';
import { projectBatch } from './project-batch.js';
import type { Projections } from '../use-cases/projections.js';

/** employers.v1: keep the employer's sector, FDI flag, commune and status at the latest version. */
export const projectOnEmployerEvent =
  (projections: () => Projections): EventHandler<typeof employersTopic> =>
  async (event, context) => {
    const outcome = await projections().applyEmployer(event.data);
    context.log.debug({ employerId: event.data.employerId, version: event.data.version, outcome }, 'employer projected');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };

/** The same for a batch: its employers written together. */
export const projectOnEmployerBatch = (projections: () => Projections): BatchEventHandler<typeof employersTopic> =>
  projectBatch(projections, (event) => ({ kind: 'employer', snapshot: event.data }), 'employer');
