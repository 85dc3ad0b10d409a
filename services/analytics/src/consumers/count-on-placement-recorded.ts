import type { placementsTopic } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import { projectBatch } from './project-batch.js';
import type { Projections } from '../use-cases/projections.js';

/** placements.v1: keep each hire once (by version); candidates' outcomes are not counted. A batch's hires are written together. */
export const countOnPlacementBatch = (projections: () => Projections): BatchEventHandler<typeof placementsTopic> =>
  projectBatch(projections, (event) => (event.type === 'placement.recorded' ? { kind: 'placement', placement: event.data } : undefined), 'placement');
