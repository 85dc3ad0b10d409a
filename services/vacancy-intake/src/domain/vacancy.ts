import { KetNoiError } from '@ketnoi/errors';
import { sameValue } from './same-value.js';
import { titleKey } from './title-key.js';
import type { VacancyTerms } from './vacancy-terms.js';
import { endOfVietnamDay } from './vietnam-time.js';
import { rulesBroken, violation } from './violation.js';

export type VacancyStatus = 'open' | 'filled' | 'expired' | 'withdrawn';
export type CloseReason = 'filled' | 'expired' | 'withdrawn';
export type VacancyEventType = 'vacancy.opened' | 'vacancy.updated' | 'vacancy.closed' | 'vacancy.expired';

export interface VacancyState {
  employerId: string;
  status: VacancyStatus;
  terms: VacancyTerms;
  positionsFilled: number;
  hiredWorkerIds: string[];
  /** Copied from the employer when the vacancy opened (events carry them). */
  fdi: boolean;
  vsicSector: string;
  openedAt: string;
  /** When the application deadline ends (ISO instant, UTC). */
  expiresAt: string;
  /** The title folded for duplicate detection. */
  titleKey: string;
  closeReason?: CloseReason;
  closeNote?: string;
  closedAt?: string;
  /** Bulk sources that fed this vacancy, with a fingerprint of what each last sent. */
  sources?: PostingSource[];
}

export interface PostingSource {
  /** `<source>|<external reference>` */
  ref: string;
  fingerprint: string;
}

export interface Hire {
  workerId: string;
  startDate?: string;
  wageVnd?: number;
  matchId?: string;
}

/** A new vacancy state and the event that announces it (and, for a hire, the hire). */
export interface VacancyChange {
  state: VacancyState;
  event: VacancyEventType;
  hire?: Hire & { hiredAt: string };
}

export interface EmployerFacts {
  employerId: string;
  fdi: boolean;
  vsicSector: string;
}

const notOpen = (state: VacancyState) =>
  new KetNoiError('VACANCY_CLOSED', `The vacancy is ${state.status}; only an open vacancy changes`, {
    status: 409,
    details: { status: state.status },
  });

const expiresAt = (terms: VacancyTerms) => endOfVietnamDay(terms.deadline).toISOString();

/** Opens a vacancy with terms already judged acceptable. */
export function openVacancy(employer: EmployerFacts, terms: VacancyTerms, now: Date): VacancyChange {
  return {
    event: 'vacancy.opened',
    state: {
      employerId: employer.employerId,
      status: 'open',
      terms,
      positionsFilled: 0,
      hiredWorkerIds: [],
      fdi: employer.fdi,
      vsicSector: employer.vsicSector,
      openedAt: now.toISOString(),
      expiresAt: expiresAt(terms),
      titleKey: titleKey(terms.title),
    },
  };
}

/** New terms for an open vacancy; null when nothing changes. Filling every position closes it as filled. */
export function reviseVacancy(state: VacancyState, terms: VacancyTerms, now: Date): VacancyChange | null {
  if (state.status !== 'open') throw notOpen(state);
  if (sameValue(state.terms, terms)) return null;
  if (terms.positions < state.positionsFilled) {
    throw rulesBroken('The vacancy cannot shrink', [
      violation('positions', 'POSITIONS_BELOW_HIRED', `${state.positionsFilled} positions are already filled`),
    ]);
  }
  const revised: VacancyState = { ...state, terms, expiresAt: expiresAt(terms), titleKey: titleKey(terms.title) };
  if (terms.positions === state.positionsFilled) return closeVacancy(revised, 'filled', undefined, now);
  return { state: revised, event: 'vacancy.updated' };
}

/** Closes an open vacancy as filled, withdrawn (cancelled) or expired. */
export function closeVacancy(state: VacancyState, reason: CloseReason, note: string | undefined, now: Date): VacancyChange {
  if (state.status !== 'open') throw notOpen(state);
  const closed: VacancyState = { ...state, status: reason, closeReason: reason, closedAt: now.toISOString() };
  if (note !== undefined) closed.closeNote = note;
  return { state: closed, event: reason === 'expired' ? 'vacancy.expired' : 'vacancy.closed' };
}

/** Expires an open vacancy whose deadline has ended; null when it has not (or it is no longer open). */
export function expireVacancy(state: VacancyState, now: Date): VacancyChange | null {
  if (state.status !== 'open' || Date.parse(state.expiresAt) > now.getTime()) return null;
  return closeVacancy(state, 'expired', undefined, now);
}

/** Records a hire; the hire of the last open position closes the vacancy as filled. */
export function recordHire(state: VacancyState, hire: Hire, now: Date): VacancyChange {
  if (state.status !== 'open') throw notOpen(state);
  if (state.hiredWorkerIds.includes(hire.workerId)) {
    throw new KetNoiError('ALREADY_HIRED', 'This worker is already hired for this vacancy', { status: 409 });
  }
  const hired: VacancyState = {
    ...state,
    positionsFilled: state.positionsFilled + 1,
    hiredWorkerIds: [...state.hiredWorkerIds, hire.workerId],
  };
  const record = { ...hire, hiredAt: now.toISOString() };
  if (hired.positionsFilled >= hired.terms.positions) return { ...closeVacancy(hired, 'filled', undefined, now), hire: record };
  return { state: hired, event: 'vacancy.updated', hire: record };
}
