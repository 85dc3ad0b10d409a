import { vietnamDayOf } from './local-day.js';

/** Proposals of one vacancy on one Vietnam day. */
export interface MatchCount {
  vacancyId: string;
  /** YYYY-MM-DD in Vietnam; '' for an instant that is not a date (counted only without a period). */
  day: string;
  count: number;
}

/**
 * The matches proposed, counted per vacancy and Vietnam day as they are
 * first projected: the supply/demand cells read these (a few per vacancy)
 * rather than every match ever proposed, which a report would otherwise walk
 * three times on every publication.
 */
export class MatchCounts {
  private readonly byVacancy = new Map<string, Map<string, number>>();
  // A vacancy's proposals come together with one instant: its day is worked out once.
  private last = { at: '', day: '' };

  add(vacancyId: string, proposedAt: string): void {
    const day = this.dayOf(proposedAt);
    let days = this.byVacancy.get(vacancyId);
    if (!days) this.byVacancy.set(vacancyId, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + 1);
  }

  *values(): Iterable<MatchCount> {
    for (const [vacancyId, days] of this.byVacancy) for (const [day, count] of days) yield { vacancyId, day, count };
  }

  private dayOf(at: string): string {
    if (at !== this.last.at) {
      const instant = new Date(at);
      this.last = { at, day: Number.isNaN(instant.getTime()) ? '' : vietnamDayOf(instant) };
    }
    return this.last.day;
  }
}
