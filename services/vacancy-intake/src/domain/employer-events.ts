import { employersTopic, type EmployerSnapshot } from '@ketnoi/contracts';
import { pendingEvent, type PendingEvent } from '@ketnoi/service-kit';
import type { EmployerChange, EmployerState } from './employer.js';

/** What employers.v1 carries: business data only, no street address or contacts. */
export function employerSnapshot(employerId: string, version: number, state: EmployerState, updatedAt: Date): EmployerSnapshot {
  return {
    employerId,
    version,
    taxCode: state.taxCode,
    name: state.name,
    vsicSector: state.vsicSector,
    fdi: state.fdi,
    ...(state.investorCountry === undefined ? {} : { investorCountry: state.investorCountry }),
    ...(state.industrialParkCode === undefined ? {} : { industrialParkCode: state.industrialParkCode }),
    communeCode: state.communeCode,
    status: state.status,
    updatedAt: updatedAt.toISOString(),
  };
}

export const employerEvents = (employerId: string, version: number, change: EmployerChange, now: Date): PendingEvent[] => [
  pendingEvent(employersTopic, { type: change.event, subject: employerId, data: employerSnapshot(employerId, version, change.state, now) }),
];
