import { placementsTopic, vacanciesTopic, type VacancySnapshot } from '@ketnoi/contracts';
import { pendingEvent, type PendingEvent } from '@ketnoi/service-kit';
import { derivedId } from './ids.js';
import type { VacancyChange, VacancyState } from './vacancy.js';

export const placementIdOf = (vacancyId: string, workerId: string): string => derivedId('plc', vacancyId, workerId);

export function vacancySnapshot(vacancyId: string, version: number, state: VacancyState, updatedAt: Date): VacancySnapshot {
  return {
    vacancyId,
    version,
    employerId: state.employerId,
    status: state.status,
    positionsFilled: state.positionsFilled,
    fdi: state.fdi,
    vsicSector: state.vsicSector,
    terms: state.terms,
    openedAt: state.openedAt,
    updatedAt: updatedAt.toISOString(),
  };
}

/** The events one vacancy version publishes: its life-cycle event and, for a hire, the placement. */
export function vacancyEvents(vacancyId: string, version: number, change: VacancyChange, now: Date): PendingEvent[] {
  const snapshot = vacancySnapshot(vacancyId, version, change.state, now);
  const { closeReason, closeNote } = change.state;
  const data =
    change.event === 'vacancy.closed' || change.event === 'vacancy.expired'
      ? { ...snapshot, closeReason: closeReason!, ...(closeNote === undefined ? {} : { closeNote }) }
      : snapshot;
  const events = [pendingEvent(vacanciesTopic, { type: change.event, subject: vacancyId, data } as never)];
  if (change.hire) {
    const { workerId, hiredAt, startDate, wageVnd, matchId } = change.hire;
    events.push(
      pendingEvent(placementsTopic, {
        type: 'placement.recorded',
        subject: vacancyId,
        data: {
          placementId: placementIdOf(vacancyId, workerId),
          version: 1,
          vacancyId,
          workerId,
          employerId: change.state.employerId,
          hiredAt,
          ...(startDate === undefined ? {} : { startDate }),
          ...(wageVnd === undefined ? {} : { wageVnd }),
          ...(matchId === undefined ? {} : { matchId }),
        },
      }),
    );
  }
  return events;
}
