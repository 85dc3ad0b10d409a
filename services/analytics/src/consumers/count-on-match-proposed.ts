import type { matchesTopic } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import { projectBatch } from './project-batch.js';
import type { Projections } from '../use-cases/projections.js';

/** matches.v1: count each proposed match once (by matchId); updates and withdrawals do not change the count. A batch's proposals are written together. */
export const countOnMatchBatch = (projections: () => Projections): BatchEventHandler<typeof matchesTopic> =>
  projectBatch(projections, (event) => (event.type === 'match.proposed' ? { kind: 'match', match: event.data } : undefined), 'match');
