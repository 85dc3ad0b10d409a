import type { employersTopic } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import { projectBatch } from './project-batch.js';
import type { Projections } from '../use-cases/projections.js';

/** employers.v1: keep the employer's sector, FDI flag, commune and status at the latest version. A batch's employers are written together. */
export const projectOnEmployerBatch = (projections: () => Projections): BatchEventHandler<typeof employersTopic> =>
  projectBatch(projections, (event) => ({ kind: 'employer', snapshot: event.data }), 'employer');
