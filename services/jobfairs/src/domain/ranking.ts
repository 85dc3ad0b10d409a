import type { MatchScored } from '@ketnoi/contracts';
import type { BoothState, RegistrationState } from './model.js';

export interface MatchView {
  matchId: string;
  score: number;
  rank: number;
  factors: MatchScored['factors'];
}

export type MatchOf = (vacancyId: string, workerId: string) => MatchView | undefined;

export interface VacancyPick {
  boothId: string;
  vacancyId: string;
  match: MatchView;
}

const byScore = <T>(score: (item: T) => number, tie: (item: T) => string) => (a: T, b: T) =>
  score(b) - score(a) || tie(a).localeCompare(tie(b));

/** The fair's vacancies a worker matched, best first (a booth may appear with several vacancies). */
export function rankVacanciesForWorker(workerId: string, booths: readonly BoothState[], matchOf: MatchOf): VacancyPick[] {
  const picks = booths.flatMap((booth) =>
    booth.vacancyIds.flatMap((vacancyId) => {
      const match = matchOf(vacancyId, workerId);
      return match ? [{ boothId: booth.boothId, vacancyId, match }] : [];
    }),
  );
  return picks.sort(byScore((p) => p.match.score, (p) => `${p.vacancyId}`));
}

export interface AttendeePick {
  registration: RegistrationState;
  vacancyId: string;
  match: MatchView;
}

/** A booth's registered attendees who matched one of its vacancies, by their best score there. */
export function rankAttendeesForBooth(booth: BoothState, registrations: readonly RegistrationState[], matchOf: MatchOf): AttendeePick[] {
  const picks = registrations.flatMap((registration) => {
    let best: AttendeePick | undefined;
    for (const vacancyId of booth.vacancyIds) {
      const match = matchOf(vacancyId, registration.workerId);
      if (match && (!best || match.score > best.match.score)) best = { registration, vacancyId, match };
    }
    return best ? [best] : [];
  });
  return picks.sort(byScore((p) => p.match.score, (p) => p.registration.registrationId));
}
