import { aggregateId } from '@ketnoi/contracts';
import { describe, expect, it } from 'vitest';
import { workersGroupId } from '../../src/config.js';
import { ERASED_WORKER, forgetHiredWorker, forgetWorkerInVacancy } from '../../src/domain/erasure.js';
import { openVacancy, recordHire } from '../../src/domain/vacancy.js';
import { aVacancy } from '../mothers.js';

const now = new Date('2026-11-26T03:00:00Z');
const employer = { employerId: 'emp_000001', fdi: false, vsicSector: 'C2610' };

describe('erasure of a hired worker', () => {
  it('replaces the worker among the hires with a marker that is no worker id, and keeps the count', () => {
    let { state } = openVacancy(employer, aVacancy({ positions: 3 }), now);
    state = recordHire(state, { workerId: 'wrk_000001' }, now).state;
    state = recordHire(state, { workerId: 'wrk_000002' }, now).state;
    const forgotten = forgetWorkerInVacancy(state, 'wrk_000001');
    expect(forgotten).toMatchObject({ hiredWorkerIds: [ERASED_WORKER, 'wrk_000002'], positionsFilled: 2, status: 'open' });
    expect(aggregateId.safeParse(ERASED_WORKER).success).toBe(false);
    // A third hire still fits the one position left; the erased worker is not "already hired" by anyone.
    expect(recordHire(forgotten!, { workerId: 'wrk_000003' }, now)).toMatchObject({ state: { status: 'filled', positionsFilled: 3 } });
  });

  it('leaves a vacancy that never hired the worker, and an erased one, alone', () => {
    const { state } = recordHire(openVacancy(employer, aVacancy(), now).state, { workerId: 'wrk_000002' }, now);
    expect(forgetWorkerInVacancy(state, 'wrk_000001')).toBeNull();
    expect(forgetHiredWorker([ERASED_WORKER, 'wrk_000002'], 'wrk_000001')).toBeNull();
  });
});

describe('the workers.v1 consumer group', () => {
  it('is WORKERS_GROUP_ID, or follows the ingest group so that a system with its own ingest group has its own', () => {
    expect(workersGroupId({ INGEST_GROUP_ID: 'vacancy-intake.ingest', WORKERS_GROUP_ID: undefined })).toBe('vacancy-intake.workers');
    expect(workersGroupId({ INGEST_GROUP_ID: 'e2e_x1.vacancy-intake.ingest', WORKERS_GROUP_ID: undefined })).toBe('e2e_x1.vacancy-intake.workers');
    expect(workersGroupId({ INGEST_GROUP_ID: 'intake-ingest-7', WORKERS_GROUP_ID: undefined })).toBe('intake-ingest-7.workers');
    expect(workersGroupId({ INGEST_GROUP_ID: 'vacancy-intake.ingest', WORKERS_GROUP_ID: 'erasures' })).toBe('erasures');
  });
});
