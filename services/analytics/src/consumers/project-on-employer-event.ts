import type { employersTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { Projections } from '../use-cases/projections.js';

/** employers.v1: keep the employer's sector, FDI flag, commune and status at the latest version. */
export const projectOnEmployerEvent =
  (projections: () => Projections): EventHandler<typeof employersTopic> =>
  async (event, context) => {
    const outcome = await projections().applyEmployer(event.data);
    context.log.debug({ employerId: event.data.employerId, version: event.data.version, outcome }, 'employer projected');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };
