import type { AggregateVersion } from '@ketnoi/service-kit';
import type { FairState, InterviewState } from '../domain/model.js';
import { listOfFair } from '../repositories/stores.js';
import { cancelInterview, getInterview } from './bookings.js';
import type { JobFairsContext } from './context.js';
import { changeFair } from './fairs.js';

/** Cancels a fair, then each of its scheduled interviews (so every invited worker hears of it). */
export async function cancelFair(ctx: JobFairsContext, fairId: string): Promise<{ fair: AggregateVersion<FairState>; interviewsCancelled: number }> {
  const fair = await changeFair(ctx, fairId, { status: 'cancelled' });
  const scheduled = (await listOfFair<InterviewState>(ctx.stores.interviews, fairId)).filter((i) => i.status === 'scheduled');
  for (const interview of scheduled) await cancelInterview(ctx, await getInterview(ctx, interview.interviewId), 'fair-cancelled');
  ctx.log.info({ fairId, interviews: scheduled.length }, 'fair cancelled');
  return { fair, interviewsCancelled: scheduled.length };
}
