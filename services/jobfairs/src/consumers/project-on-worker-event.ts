import type { TopicEvent, workersTopic } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import type { ProjectionChange, Projections, WorkerView } from '../repositories/projections.js';
import { projectBatch } from './project-batch.js';

type WorkerEvent = TopicEvent<typeof workersTopic>;

const workerView = ({ data: w }: Exclude<WorkerEvent, { type: 'worker.erased' }>): WorkerView => ({
  workerId: w.workerId,
  version: w.version,
  status: w.status,
  consentToMatching: w.consentToMatching,
  priority: w.priority,
  profile: {
    qualification: w.qualification,
    experienceYears: w.experienceYears,
    communeCode: w.communeCode,
    desiredOccupations: w.desiredOccupations,
    skills: w.skills.map((s) => s.code),
    languages: w.languages,
  },
});

const workerChange = (event: WorkerEvent): ProjectionChange =>
  event.type === 'worker.erased' ? { kind: 'worker-erased', workerId: event.data.workerId, version: event.data.version } : { kind: 'worker', view: workerView(event) };

/**
 * workers.v1: keep whether a worker is looking, their priority flags and a
 * profile summary; forget an erased worker. A batch (erasures included, in
 * order) has its versions saved in one insert.
 */
export const projectOnWorkerBatch = (projections: () => Projections): BatchEventHandler<typeof workersTopic> =>
  projectBatch(projections, workerChange, 'worker');
