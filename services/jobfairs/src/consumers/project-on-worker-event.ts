import type { workersTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { Projections } from '../repositories/projections.js';

/** workers.v1: keep whether a worker is looking, their priority flags and a profile summary; forget an erased worker. */
export const projectOnWorkerEvent =
  (projections: () => Projections): EventHandler<typeof workersTopic> =>
  async (event, context) => {
    if (event.type === 'worker.erased') {
      const erased = await projections().eraseWorker(event.data.workerId, event.data.version);
      context.log.debug({ workerId: event.data.workerId, erased }, 'worker erased from projection');
      return erased ? undefined : 'duplicate';
    }
    const w = event.data;
    const applied = await projections().putWorker({
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
    context.log.debug({ workerId: w.workerId, version: w.version, applied }, 'worker projected');
    return applied ? undefined : 'duplicate';
  };
