import type { TopicDefinition, TopicEvent } from '@ketnoi/contracts';
import type { BatchContext, BatchEventHandler, BatchItem } from '@ketnoi/messaging';
import type { ApplyOutcome, ProjectionChange, Projections } from '../use-cases/projections.js';

export type BatchOutcome = 'ok' | 'duplicate';

/**
 * A batch handler for a topic whose events each change at most one
 * projection: the changes of the whole batch are applied together
 * (`Projections.applyBatch`: one write per collection). Events that change
 * nothing (`undefined`) count as handled; those already applied as duplicates.
 */
export const projectBatch =
  <T extends TopicDefinition>(
    projections: () => Projections,
    changeOf: (event: TopicEvent<T>) => ProjectionChange | undefined,
    what: string,
  ): BatchEventHandler<T> =>
  async (items, context) => {
    const outcomes = await applyChanges(items, changeOf, (changes) => projections().applyBatch(changes));
    logBatch(context, what, outcomes);
    return outcomes;
  };

/**
 * Applies the changes of some items of a batch together (`apply`: one
 * `applyBatch`, one outcome per change); one outcome per item, an item
 * without a change counting as handled.
 */
export async function applyChanges<T extends TopicDefinition, C>(
  items: readonly BatchItem<T>[],
  changeOf: (event: TopicEvent<T>) => C | undefined,
  apply: (changes: C[]) => Promise<readonly ApplyOutcome[]>,
): Promise<BatchOutcome[]> {
  const changes: C[] = [];
  const positions: number[] = [];
  items.forEach((item, index) => {
    const change = changeOf(item.event);
    if (!change) return;
    changes.push(change);
    positions.push(index);
  });
  const applied = await apply(changes);
  const outcomes: BatchOutcome[] = items.map(() => 'ok');
  positions.forEach((index, i) => {
    outcomes[index] = asBatchOutcome(applied[i]!);
  });
  return outcomes;
}

export const asBatchOutcome = (outcome: ApplyOutcome): BatchOutcome => (outcome === 'duplicate' ? 'duplicate' : 'ok');

export function logBatch(context: BatchContext, what: string, outcomes: readonly BatchOutcome[]): void {
  const duplicates = outcomes.filter((o) => o === 'duplicate').length;
  context.log.debug({ events: outcomes.length, duplicates, attempt: context.attempt }, `${what} batch projected`);
}
