import type { placementsTopic } from '@ketnoi/contracts';
import type { BatchEventHandler, EventHandler } from '@ketnoi/messaging';
import { projectBatch } from './project-batch.js';
import type { Projections } from '../use-cases/projections.js';

/** placements.v1: keep each hire once (by version); candidates' outcomes are not counted. */
export const countOnPlacementRecorded =
  (projections: () => Projections): EventHandler<typeof placementsTopic> =>
  async (event, context) => {
    if (event.type !== 'placement.recorded') return undefined;
    const { placementId, vacancyId, version } = event.data;
    const outcome = await projections().applyPlacement(event.data);
    context.log.debug({ placementId, vacancyId, version, outcome }, 'placement projected');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };

/** The same for a batch: its hires written together. */
export const countOnPlacementBatch = (projections: () => Projections): BatchEventHandler<typeof placementsTopic> =>
  projectBatch(projections, (event) => (event.type === 'placement.recorded' ? { kind: 'placement', placement: event.data } : undefined), 'placement');
