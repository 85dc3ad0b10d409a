import type { matchesTopic, TopicEvent } from '@ketnoi/contracts';
import type { BatchEventHandler, EventHandler } from '@ketnoi/messaging';
import { scoredMatchDoc, withdrawnMatchDoc, type ProjectionChange } from '../domain/projection-plan.js';
import type { Projections } from '../repositories/projections.js';
import { projectBatch } from './project-batch.js';

const matchChange = (event: TopicEvent<typeof matchesTopic>, partition: number, offset: string): ProjectionChange => ({
  kind: 'match',
  partition,
  doc: event.type === 'match.withdrawn' ? withdrawnMatchDoc(event.data, offset) : scoredMatchDoc(event.data, offset),
});

/** matches.v1: keep each vacancy's current matches with score and factors; a withdrawn match is dropped. */
export const projectOnMatchEvent =
  (projections: () => Projections): EventHandler<typeof matchesTopic> =>
  async (event, context) => {
    const m = event.data;
    const applied =
      event.type === 'match.withdrawn'
        ? await projections().withdrawMatch(event.data, context.partition, context.offset)
        : await projections().putMatch(event.data, context.partition, context.offset);
    context.log.debug({ vacancyId: m.vacancyId, type: event.type, applied }, 'match projected');
    return applied ? undefined : 'duplicate';
  };

/** The same for a batch of matches.v1 events (a vacancy's top-K arrives together): saved in one insert. */
export const projectOnMatchBatch = (projections: () => Projections): BatchEventHandler<typeof matchesTopic> =>
  projectBatch(projections, matchChange, 'match');
