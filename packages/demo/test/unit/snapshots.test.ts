import { vacancySnapshot, workerSnapshot } from '@ketnoi/contracts';
import { describe, expect, it } from 'vitest';
import { generateEmployers, generateVacancies, generateWorkers, toVacancySnapshot, toWorkerSnapshot } from '../../src/index.js';
import { registrationSnapshot } from '../service-rules.js';

const TODAY = '2026-11-26';

describe('snapshots for benchmarks', () => {
  it('project workers exactly as registration does, and validate', () => {
    for (const worker of generateWorkers(99, 2_000)) {
      const snapshot = toWorkerSnapshot(worker, { today: TODAY });
      expect(workerSnapshot.safeParse(snapshot).error).toBeUndefined();
      expect(snapshot).toEqual(registrationSnapshot(snapshot.workerId, worker.profile, TODAY, snapshot.registeredAt));
    }
  });

  it('project vacancies with their employer, and validate', () => {
    const employers = [...generateEmployers(99, 50)];
    for (const vacancy of generateVacancies(99, 500, { employers: 50, today: TODAY })) {
      const snapshot = toVacancySnapshot(vacancy, employers[vacancy.employerIndex]!, { today: TODAY });
      expect(vacancySnapshot.safeParse(snapshot).error).toBeUndefined();
      expect(snapshot.fdi).toBe(employers[vacancy.employerIndex]!.body.fdi);
    }
    const [first] = generateVacancies(99, 1, { employers: 50, today: TODAY });
    const other = employers.find((e) => e.index !== first!.employerIndex)!;
    expect(() => toVacancySnapshot(first!, other, { today: TODAY })).toThrow('belongs to employer');
  });
});
