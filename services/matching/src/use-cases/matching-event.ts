import type { Placement, VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';

/** What the three consumed topics tell matching, as the use cases take it. */
export type MatchingEvent =
  | { kind: 'worker'; snapshot: WorkerSnapshot }
  | { kind: 'worker-erased'; workerId: string; version: number }
  | { kind: 'vacancy'; snapshot: VacancySnapshot }
  | { kind: 'placement'; placement: Placement };
