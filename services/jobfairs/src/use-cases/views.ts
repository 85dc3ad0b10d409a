import type { BoothState, InterviewState, RegistrationState } from '../domain/model.js';
import { rankAttendeesForBooth, rankVacanciesForWorker, type MatchView } from '../domain/ranking.js';
import { fairReport, type FairReport } from '../domain/report.js';
import { candidateRef } from '../domain/tokens.js';
import { listOfFair } from '../repositories/stores.js';
import type { WorkerView } from '../repositories/projections.js';
import type { JobFairsContext } from './context.js';
import { getFair } from './fairs.js';
import { registrationsOf } from './registrations.js';

export const boothsOf = (ctx: JobFairsContext, fairId: string): Promise<BoothState[]> => listOfFair(ctx.stores.booths, fairId);
export const interviewsOf = (ctx: JobFairsContext, fairId: string): Promise<InterviewState[]> => listOfFair(ctx.stores.interviews, fairId);

const matchOf = (ctx: JobFairsContext) => (vacancyId: string, workerId: string) => ctx.projections.match(vacancyId, workerId);

export interface Recommendation {
  rank: number;
  boothId: string;
  boothLabel: string;
  employerName: string;
  vacancyId: string;
  vacancyTitle: string;
  score: number;
  factors: MatchView['factors'];
}

/** A registered worker's list: the fair's booths and vacancies they matched, best first. */
export async function recommendations(ctx: JobFairsContext, registration: RegistrationState): Promise<Recommendation[]> {
  const booths = await boothsOf(ctx, registration.fairId);
  const byId = new Map(booths.map((b) => [b.boothId, b]));
  return rankVacanciesForWorker(registration.workerId, booths, matchOf(ctx)).map((pick, i) => {
    const booth = byId.get(pick.boothId)!;
    return {
      rank: i + 1,
      boothId: booth.boothId,
      boothLabel: booth.label,
      employerName: booth.employerName,
      vacancyId: pick.vacancyId,
      vacancyTitle: ctx.projections.vacancies.get(pick.vacancyId)?.title ?? pick.vacancyId,
      score: pick.match.score,
      factors: pick.match.factors,
    };
  });
}

export interface CandidateCard {
  rank: number;
  candidateRef: string;
  /** Staff, or once shared (the id is derived from the worker's). */
  registrationId?: string;
  vacancyId: string;
  score: number;
  factors: MatchView['factors'];
  checkedIn: boolean;
  shared: boolean;
  /** Only once the worker agreed to share their profile with the fair's employers. */
  workerId?: string;
  profile?: WorkerView['profile'];
}

/** A booth's registered attendees, best match first, as pseudonymous cards until each worker agrees to share. */
export async function attendees(ctx: JobFairsContext, booth: BoothState, staffView: boolean): Promise<CandidateCard[]> {
  const registrations = await registrationsOf(ctx, booth.fairId);
  return rankAttendeesForBooth(booth, registrations, matchOf(ctx)).map((pick, i) => {
    const r = pick.registration;
    const profile = r.consentShared ? ctx.projections.workers.get(r.workerId)?.profile : undefined;
    return {
      rank: i + 1,
      candidateRef: candidateRef(ctx.signer, r.fairId, r.workerId),
      ...(staffView || r.consentShared ? { registrationId: r.registrationId } : {}),
      vacancyId: pick.vacancyId,
      score: pick.match.score,
      factors: pick.match.factors,
      checkedIn: r.checkedInAt !== undefined,
      shared: r.consentShared,
      ...(r.consentShared ? { workerId: r.workerId } : {}),
      ...(profile ? { profile } : {}),
    };
  });
}

export async function report(ctx: JobFairsContext, fairId: string): Promise<FairReport> {
  const fair = (await getFair(ctx, fairId)).state;
  const [booths, registrations, interviews] = await Promise.all([boothsOf(ctx, fairId), registrationsOf(ctx, fairId), interviewsOf(ctx, fairId)]);
  return fairReport(fair, booths, registrations, interviews, (booth) => rankAttendeesForBooth(booth, registrations, matchOf(ctx)).length);
}
