import { jobFairSnapshot, jobFairsTopic, type JobFairSnapshot } from '@ketnoi/contracts';
import { conflict, notFound } from '@ketnoi/errors';
import { pendingEvent, type AggregateVersion } from '@ketnoi/service-kit';
import { newId } from '../domain/ids.js';
import type { FairState } from '../domain/model.js';
import type { JobFairsContext } from './context.js';

export type FairInput = Omit<FairState, 'fairId' | 'status'>;

export const fairSnapshot = (fair: AggregateVersion<FairState>): JobFairSnapshot => ({
  ...fair.state,
  version: fair.version,
  updatedAt: fair.updatedAt.toISOString(),
});

/** Validates the whole fair against its contract (venue for in-person, link for online, end after start). */
const checked = (state: FairState, version: number, at: Date): FairState => {
  const { version: _v, updatedAt: _u, ...valid } = jobFairSnapshot.parse({ ...state, version, updatedAt: at.toISOString() });
  void _v;
  void _u;
  return valid;
};

export async function getFair(ctx: JobFairsContext, fairId: string): Promise<AggregateVersion<FairState>> {
  const fair = await ctx.stores.fairs.get(fairId);
  if (!fair) throw notFound('fair', { details: { fairId } });
  return fair;
}

export async function openFair(ctx: JobFairsContext, fair: AggregateVersion<FairState>): Promise<AggregateVersion<FairState>> {
  if (fair.state.status !== 'scheduled') throw conflict(`the fair is ${fair.state.status}`, { details: { fairId: fair.id } });
  return fair;
}

export async function scheduleFair(ctx: JobFairsContext, input: FairInput): Promise<AggregateVersion<FairState>> {
  const fairId = newId('fair');
  const state = checked({ ...input, fairId, status: 'scheduled' }, 1, ctx.now());
  const saved = await ctx.stores.fairs.save({
    id: fairId,
    expectedVersion: 0,
    state,
    events: [pendingEvent(jobFairsTopic, { type: 'jobfair.scheduled', subject: fairId, data: { ...state, version: 1, updatedAt: ctx.now().toISOString() } })],
  });
  ctx.kick();
  return saved;
}

export async function changeFair(
  ctx: JobFairsContext,
  fairId: string,
  change: Partial<FairInput> | { status: 'cancelled' },
): Promise<AggregateVersion<FairState>> {
  const fair = await openFair(ctx, await getFair(ctx, fairId));
  const version = fair.version + 1;
  const at = ctx.now();
  const state = checked({ ...fair.state, ...change }, version, at);
  const type = state.status === 'cancelled' ? 'jobfair.cancelled' : 'jobfair.updated';
  const saved = await ctx.stores.fairs.save({
    id: fairId,
    expectedVersion: fair.version,
    state,
    events: [pendingEvent(jobFairsTopic, { type, subject: fairId, data: { ...state, version, updatedAt: at.toISOString() } })],
  });
  ctx.kick();
  return saved;
}

export async function listFairs(ctx: JobFairsContext): Promise<AggregateVersion<FairState>[]> {
  const docs = await ctx.stores.fairs.heads.find().lean();
  return docs
    .map((doc) => {
      const { _id, version, updatedAt, ...state } = doc as unknown as FairState & { _id: string; version: number; updatedAt: Date };
      return { id: _id, version, updatedAt, state: state as FairState };
    })
    .sort((a, b) => a.state.startsAt.localeCompare(b.state.startsAt));
}
