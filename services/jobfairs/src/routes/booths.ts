import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { z } from 'zod';
import type { InterviewState } from '../domain/model.js';
import { isStaff } from '../use-cases/access.js';
import { boothFor } from '../use-cases/booths.js';
import { publishSlots, slotsOfBooth } from '../use-cases/slots.js';
import { attendees, interviewsOf } from '../use-cases/views.js';
import { attendeeList, boothParams, interviewView, slotsBody, slotView } from './schemas.js';
import { toInterviewView } from './views.js';

const tags = ['booths'];
const boothUsers = requireRole('employer', 'staff', 'admin');

/** What a booth's employer (or staff) sees and does: ranked attendees, slots, interviews. */
export async function boothRoutes(app: ServiceApp): Promise<void> {
  const ctx = () => app.jobfairs;

  app.get(
    '/v1/booths/:boothId/attendees',
    {
      onRequest: boothUsers,
      schema: { tags, summary: 'Registered attendees ranked by their match with the booth\'s vacancies; pseudonymous until they agree to share', params: boothParams, response: { 200: attendeeList } },
    },
    async (request) => {
      const principal = principalOf(request);
      const booth = await boothFor(ctx(), request.params.boothId, principal);
      return { boothId: booth.boothId, items: await attendees(ctx(), booth, isStaff(principal)) };
    },
  );

  app.post(
    '/v1/booths/:boothId/slots',
    { onRequest: boothUsers, schema: { tags, summary: 'Publish interview slots', params: boothParams, body: slotsBody, response: { 201: z.object({ items: z.array(slotView) }) } } },
    async (request, reply) => {
      const slots = await publishSlots(ctx(), request.params.boothId, principalOf(request), request.body.slots);
      request.log.info({ boothId: request.params.boothId, slots: slots.length }, 'slots published');
      return reply.code(201).send({ items: slots });
    },
  );

  app.get(
    '/v1/booths/:boothId/slots',
    { onRequest: boothUsers, schema: { tags, summary: 'The booth\'s slots and whether each is booked', params: boothParams, response: { 200: z.object({ items: z.array(slotView) }) } } },
    async (request) => {
      const booth = await boothFor(ctx(), request.params.boothId, principalOf(request));
      const booked = new Set((await interviewsOf(ctx(), booth.fairId)).filter((i) => i.status !== 'cancelled').map((i) => i.slotId));
      return { items: (await slotsOfBooth(ctx(), booth.fairId, booth.boothId)).map((slot) => ({ ...slot, booked: booked.has(slot.slotId) })) };
    },
  );

  app.get(
    '/v1/booths/:boothId/interviews',
    { onRequest: boothUsers, schema: { tags, summary: 'The booth\'s interviews, earliest first', params: boothParams, response: { 200: z.object({ items: z.array(interviewView) }) } } },
    async (request) => {
      const principal = principalOf(request);
      const booth = await boothFor(ctx(), request.params.boothId, principal);
      const shared = new Set(
        (await ctx().stores.registrations.heads.find({ fairId: booth.fairId, consentShared: true }).lean()).map((r) => String(r._id)),
      );
      const heads = await ctx().stores.interviews.heads.find({ fairId: booth.fairId, boothId: booth.boothId }).lean();
      const items = heads
        .map((doc) => {
          const { _id, version, updatedAt, ...state } = doc as unknown as InterviewState & { _id: string; version: number; updatedAt: Date };
          return { id: _id, version, updatedAt, state: state as InterviewState };
        })
        .sort((a, b) => a.state.startsAt.localeCompare(b.state.startsAt))
        .map((i) => toInterviewView(ctx(), i, isStaff(principal) || shared.has(i.state.registrationId)));
      return { items };
    },
  );
}
