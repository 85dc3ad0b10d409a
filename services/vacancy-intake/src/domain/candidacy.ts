import { placementsTopic, type PlacementOutcome } from '@ketnoi/contracts';
import { pendingEvent, type PendingEvent } from '@ketnoi/service-kit';
import { derivedId } from './ids.js';

export type OutcomeKind = PlacementOutcome['outcome'];
export type RejectionReason = NonNullable<PlacementOutcome['rejectionReason']>;

export interface OutcomeInput {
  outcome: OutcomeKind;
  rejectionReason?: RejectionReason;
  matchId?: string;
}

export interface CandidacyState {
  vacancyId: string;
  workerId: string;
  employerId: string;
  outcomes: (OutcomeInput & { at: string })[];
}

/** One candidacy per vacancy and worker, whatever path recorded it first. */
export const candidacyIdOf = (vacancyId: string, workerId: string): string => derivedId('cnd', vacancyId, workerId);

/** Appends an outcome; null when it repeats the latest one (a retried request). */
export function recordOutcome(
  state: CandidacyState,
  input: OutcomeInput,
  now: Date,
): CandidacyState | null {
  const latest = state.outcomes.at(-1);
  if (latest && latest.outcome === input.outcome && latest.rejectionReason === input.rejectionReason) return null;
  return { ...state, outcomes: [...state.outcomes, { ...input, at: now.toISOString() }] };
}

export function outcomeEvent(candidacyId: string, version: number, state: CandidacyState): PendingEvent {
  const latest = state.outcomes.at(-1)!;
  return pendingEvent(placementsTopic, {
    type: 'placement.outcome-recorded',
    subject: state.vacancyId,
    data: {
      candidacyId,
      version,
      vacancyId: state.vacancyId,
      workerId: state.workerId,
      employerId: state.employerId,
      outcome: latest.outcome,
      recordedAt: latest.at,
      ...(latest.rejectionReason === undefined ? {} : { rejectionReason: latest.rejectionReason }),
      ...(latest.matchId === undefined ? {} : { matchId: latest.matchId }),
    },
  });
}
