import { KetNoiError, notFound } from '@ketnoi/errors';
import type { AggregateVersion, Principal } from '@ketnoi/service-kit';
import { newId } from '../domain/ids.js';
import type { SlotState } from '../domain/model.js';
import { onGrid } from '../domain/time-grid.js';
import { listOfFair } from '../repositories/stores.js';
import { boothFor } from './booths.js';
import type { JobFairsContext } from './context.js';
import { getFair, openFair } from './fairs.js';

export type SlotInput = Pick<SlotState, 'startsAt' | 'endsAt' | 'mode'> & { meetingLink?: string | undefined; vacancyId?: string | undefined };

const invalid = (index: number, problem: string) =>
  new KetNoiError('INVALID_SLOT', `slot ${index}: ${problem}`, { status: 422, details: { index, problem } });

/** An employer publishes interview slots at their booth: on the time grid, within the fair, online ones with a link. */
export async function publishSlots(ctx: JobFairsContext, boothId: string, principal: Principal, inputs: readonly SlotInput[]): Promise<SlotState[]> {
  const booth = await boothFor(ctx, boothId, principal);
  const fair = await openFair(ctx, await getFair(ctx, booth.fairId));
  const slots = inputs.map((input, index): SlotState => {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (!onGrid(startsAt, ctx.gridMinutes) || !onGrid(endsAt, ctx.gridMinutes)) throw invalid(index, `start and end must fall on the ${ctx.gridMinutes}-minute grid`);
    if (endsAt <= startsAt) throw invalid(index, 'ends before it starts');
    if (startsAt < new Date(fair.state.startsAt) || endsAt > new Date(fair.state.endsAt)) throw invalid(index, 'outside the fair\'s hours');
    if (input.mode === 'online' && !input.meetingLink) throw invalid(index, 'an online slot needs a meeting link');
    if (input.mode === 'in-person' && fair.state.format === 'online') throw invalid(index, 'an online fair has online slots only');
    if (input.vacancyId && !booth.vacancyIds.includes(input.vacancyId)) throw invalid(index, 'the vacancy is not offered at this booth');
    return {
      slotId: newId('slot'),
      fairId: booth.fairId,
      boothId,
      employerId: booth.employerId,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      mode: input.mode,
      ...(input.mode === 'online' && input.meetingLink ? { meetingLink: input.meetingLink } : {}),
      ...(input.vacancyId ? { vacancyId: input.vacancyId } : {}),
    };
  });
  const { created } = await ctx.stores.slots.createMany(slots.map((state) => ({ id: state.slotId, state, events: [] })));
  return slots.filter((slot) => created.includes(slot.slotId));
}

export async function getSlot(ctx: JobFairsContext, slotId: string): Promise<AggregateVersion<SlotState>> {
  const slot = await ctx.stores.slots.get(slotId);
  if (!slot) throw notFound('slot', { details: { slotId } });
  return slot;
}

export async function slotsOfBooth(ctx: JobFairsContext, fairId: string, boothId: string): Promise<SlotState[]> {
  const slots = await listOfFair(ctx.stores.slots, fairId);
  return slots.filter((slot) => slot.boothId === boothId).sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.slotId.localeCompare(b.slotId));
}
