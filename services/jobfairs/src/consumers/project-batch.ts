import type { TopicDefinition, TopicEvent } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import type { ProjectionChange, Projections } from '../repositories/projections.js';

/**
 * A batch handler for one topic: every event becomes one projection change,
 * and the batch's changes are applied together (`Projections.applyBatch`: one
 * insert per collection, memory changed after it). Events already applied,
 * before or earlier in the batch, are duplicates, as one by one.
 */
export const projectBatch =
  <T extends TopicDefinition>(
    projections: () => Projections,
    changeOf: (event: TopicEvent<T>, partition: number, offset: string) => ProjectionChange,
    what: string,
  ): BatchEventHandler<T> =>
  async (items, context) => {
    const outcomes = await projections().applyBatch(items.map((item) => changeOf(item.event, context.partition, item.offset)));
    const duplicates = outcomes.filter((o) => o === 'duplicate').length;
    context.log.debug({ events: outcomes.length, duplicates, attempt: context.attempt }, `${what} batch projected`);
    return outcomes;
  };
