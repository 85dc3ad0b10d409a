import { isKetNoiError } from '@ketnoi/errors';
import type { InterviewState, SlotState } from '../domain/model.js';
import { overlaps } from '../domain/time-grid.js';
import { rankVacanciesForWorker } from '../domain/ranking.js';
import { listOfFair } from '../repositories/stores.js';
import { bookSlot } from './bookings.js';
import type { JobFairsContext } from './context.js';
import { getFair, openFair } from './fairs.js';
import { registrationsOf } from './registrations.js';
import { boothsOf, interviewsOf } from './views.js';

export interface ScheduleResult {
  booked: InterviewState[];
  /** Registered workers left without any interview (no match, or no free slot that fits them). */
  unplaced: number;
}

/**
 * Books each registered worker into up to `perWorker` interviews, at the
 * booths they match best, in the earliest free slot that does not clash with
 * their other interviews. Best-matched workers choose first. Booking goes
 * through the same claims as a manual booking, so a race with another
 * booking loses cleanly (the slot is skipped).
 */
export async function autoSchedule(ctx: JobFairsContext, fairId: string, perWorker: number): Promise<ScheduleResult> {
  await openFair(ctx, await getFair(ctx, fairId));
  const [booths, registrations, interviews, slots] = await Promise.all([
    boothsOf(ctx, fairId),
    registrationsOf(ctx, fairId),
    interviewsOf(ctx, fairId),
    listOfFair<SlotState>(ctx.stores.slots, fairId),
  ]);
  const live = interviews.filter((i) => i.status !== 'cancelled');
  const takenSlots = new Set(live.map((i) => i.slotId));
  const ranked = registrations
    .map((registration) => ({ registration, picks: rankVacanciesForWorker(registration.workerId, booths, (v, w) => ctx.projections.match(v, w)) }))
    .filter((entry) => entry.picks.length > 0)
    .sort((a, b) => b.picks[0]!.match.score - a.picks[0]!.match.score || a.registration.registrationId.localeCompare(b.registration.registrationId));
  const booked: InterviewState[] = [];
  for (const { registration, picks } of ranked) {
    const mine = live.filter((i) => i.workerId === registration.workerId);
    const boothsDone = new Set(mine.map((i) => i.boothId));
    for (const pick of picks) {
      if (mine.length >= perWorker) break;
      if (boothsDone.has(pick.boothId)) continue;
      const free = slots
        .filter((s) => s.boothId === pick.boothId && !takenSlots.has(s.slotId) && (!s.vacancyId || s.vacancyId === pick.vacancyId))
        .filter((s) => !mine.some((i) => overlaps(i, s)))
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      for (const slot of free) {
        takenSlots.add(slot.slotId);
        try {
          const interview = await bookSlot(ctx, { slotId: slot.slotId, registrationId: registration.registrationId, vacancyId: pick.vacancyId });
          mine.push(interview.state);
          booked.push(interview.state);
          boothsDone.add(pick.boothId);
          break;
        } catch (error) {
          if (!isKetNoiError(error) || error.status !== 409) throw error;
        }
      }
    }
  }
  const placed = new Set([...live, ...booked].map((i) => i.workerId));
  return { booked, unplaced: registrations.filter((r) => !placed.has(r.workerId)).length };
}
