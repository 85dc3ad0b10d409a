import { describe, expect, it } from 'vitest';
import { assignmentOf } from '../../src/assignment.js';

describe('a member assignment as onAssigned is told it', () => {
  it('has every subscribed topic in subscription order, partitions ascending, none for a topic left out', () => {
    const assignment = assignmentOf(['workers.v1', 'vacancies.v1', 'placements.v1'], { 'vacancies.v1': [4, 0, 2], 'workers.v1': [1] });
    expect(assignment).toEqual([
      { topic: 'workers.v1', partitions: [1] },
      { topic: 'vacancies.v1', partitions: [0, 2, 4] },
      { topic: 'placements.v1', partitions: [] },
    ]);
  });

  it('leaves out a topic the member did not subscribe to, and does not reorder the given arrays', () => {
    const given = { 'workers.v1': [3, 1], 'other.v1': [0] };
    expect(assignmentOf(['workers.v1'], given)).toEqual([{ topic: 'workers.v1', partitions: [1, 3] }]);
    expect(given['workers.v1']).toEqual([3, 1]);
  });
});
