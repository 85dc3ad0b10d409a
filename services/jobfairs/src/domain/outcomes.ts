import type { JobFairOutcome } from '@ketnoi/contracts';
import type { InterviewStatus } from './model.js';

export type OutcomeKind = JobFairOutcome['outcome'];

const next: Record<OutcomeKind, InterviewStatus> = {
  'interview-held': 'held',
  'no-show': 'no-show',
  'offer-made': 'offered',
  hired: 'hired',
};

/** From which statuses each outcome may be recorded. */
const allowedFrom: Record<OutcomeKind, readonly InterviewStatus[]> = {
  'interview-held': ['scheduled'],
  'no-show': ['scheduled'],
  'offer-made': ['held'],
  hired: ['held', 'offered'],
};

export type OutcomeStep = { kind: 'apply'; status: InterviewStatus } | { kind: 'duplicate' } | { kind: 'refused'; reason: string };

/** What recording `outcome` does to an interview in `status`; repeating the last outcome is a duplicate, not an error. */
export function outcomeStep(status: InterviewStatus, outcome: OutcomeKind): OutcomeStep {
  if (next[outcome] === status) return { kind: 'duplicate' };
  if (!allowedFrom[outcome].includes(status)) {
    return { kind: 'refused', reason: `cannot record ${outcome} on an interview that is ${status}` };
  }
  return { kind: 'apply', status: next[outcome] };
}
