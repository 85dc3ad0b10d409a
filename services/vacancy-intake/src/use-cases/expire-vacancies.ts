import { isKetNoiError } from '@ketnoi/errors';
import { expireVacancy, type VacancyState } from '../domain/vacancy.js';
import type { UseCaseContext } from './context.js';
import { saveChange } from './vacancies.js';

const BATCH = 200;

/**
 * Expires every open vacancy whose deadline has ended. Several instances may
 * run this at once: the unique version key lets one of them win per vacancy.
 */
export async function expireDueVacancies(ctx: UseCaseContext): Promise<number> {
  const now = ctx.now();
  const due = await ctx.stores.vacancies.heads
    .find({ status: 'open', expiresAt: { $lte: now.toISOString() } })
    .sort({ expiresAt: 1 })
    .limit(BATCH)
    .lean();
  let expired = 0;
  for (const { _id, version, ...state } of due) {
    const change = expireVacancy(state as unknown as VacancyState, now);
    if (change === null) continue;
    try {
      await saveChange(ctx, _id, version, change);
      expired += 1;
    } catch (error) {
      // Someone else changed it meanwhile (or expired it first): the next sweep sees the new state.
      if (!(isKetNoiError(error) && error.code === 'VERSION_CONFLICT')) throw error;
    }
  }
  if (expired > 0) ctx.log.info({ expired }, 'vacancies expired');
  return expired;
}
