import { describe, expect, it } from 'vitest';
import { trainingNeeds } from '../../src/domain/training-needs.js';
import { aVacancyProjection, aWorkerProjection } from '../mothers.js';

describe('training needs', () => {
  it('ranks skills by open positions asking for them minus job seekers having them', () => {
    const vacancies = [
      aVacancyProjection({ _id: 'v1', positions: 10, skills: ['welding', 'forklift'] }),
      aVacancyProjection({ _id: 'v2', positions: 4, positionsFilled: 1, skills: ['korean'] }),
      aVacancyProjection({ _id: 'v3', status: 'filled', positions: 50, skills: ['sewing'] }),
    ];
    const workers = [
      aWorkerProjection({ _id: 'w1', skills: ['welding'] }),
      aWorkerProjection({ _id: 'w2', skills: ['welding', 'forklift'] }),
      aWorkerProjection({ _id: 'w3', skills: ['forklift'], status: 'placed' }),
      aWorkerProjection({ _id: 'w4', skills: ['korean'], erased: true }),
    ];
    expect(trainingNeeds(workers, vacancies).map((n) => [n.skill, n.demand, n.supply, n.gap])).toEqual([
      ['forklift', 10, 1, 9],
      ['welding', 10, 2, 8],
      ['korean', 3, 0, 3],
    ]);
  });
});
