import type { matchesTopic, TopicEvent } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import { scoredMatchDoc, withdrawnMatchDoc, type ProjectionChange } from '../domain/projection-plan.js';
import type { Projections } from '../repositories/projections.js';
import { projectBatch } from './project-batch.js';

const matchChange = (event: TopicEvent<typeof matchesTopic>, partition: number, offset: string): ProjectionChange => ({
  kind: 'match',
  partition,
  doc: event.type === 'match.withdrawn' ? withdrawnMatchDoc(event.data, offset) : scoredMatchDoc(event.data, offset),
});

/**
 * matches.v1: keep each vacancy's current matches with score and factors; a
 * withdrawn match is dropped. A batch (a vacancy's top-K arrives together) is saved in one insert.
 */
export const projectOnMatchBatch = (projections: () => Projections): BatchEventHandler<typeof matchesTopic> =>
  projectBatch(projections, matchChange, 'match');
