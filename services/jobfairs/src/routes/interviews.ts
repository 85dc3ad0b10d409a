import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { assertActsFor, isStaff } from '../use-cases/access.js';
import { bookSlot, cancelInterview, getInterview } from '../use-cases/bookings.js';
import { recordOutcome } from '../use-cases/outcomes.js';
import { getRegistration } from '../use-cases/registrations.js';
import { bookingBody, cancelBody, interviewParams, interviewView, outcomeBody, slotParams } from './schemas.js';
import { toInterviewView } from './views.js';

const tags = ['interviews'];

/** Booking (staff), cancelling and outcomes (the booth's employer or staff). */
export async function interviewRoutes(app: ServiceApp): Promise<void> {
  const ctx = () => app.jobfairs;

  app.post(
    '/v1/slots/:slotId/bookings',
    {
      onRequest: requireRole('staff', 'admin'),
      schema: { tags, summary: 'Book a slot for a registered worker (409 SLOT_TAKEN or WORKER_BUSY on a clash)', params: slotParams, body: bookingBody, response: { 201: interviewView } },
    },
    async (request, reply) => {
      const interview = await bookSlot(ctx(), { slotId: request.params.slotId, ...request.body });
      request.log.info({ interviewId: interview.id, slotId: request.params.slotId }, 'interview booked');
      return reply.code(201).send(toInterviewView(ctx(), interview, true));
    },
  );

  app.post(
    '/v1/interviews/:interviewId/cancel',
    { onRequest: requireRole('employer', 'staff', 'admin'), schema: { tags, summary: 'Cancel a scheduled interview and free the slot', params: interviewParams, body: cancelBody, response: { 200: interviewView } } },
    async (request) => {
      const principal = principalOf(request);
      const interview = await getInterview(ctx(), request.params.interviewId);
      assertActsFor(principal, interview.state.employerId, 'interview');
      const reason = request.body.reason ?? (isStaff(principal) ? 'worker-cancelled' : 'employer-cancelled');
      const cancelled = await cancelInterview(ctx(), interview, reason);
      return toInterviewView(ctx(), cancelled, isStaff(principal));
    },
  );

  app.post(
    '/v1/interviews/:interviewId/outcomes',
    {
      onRequest: requireRole('employer', 'staff', 'admin'),
      schema: {
        tags,
        summary: 'Record that the interview was held, missed, led to an offer or to a hire (a hire is published on placements.v1)',
        params: interviewParams,
        body: outcomeBody,
        response: { 200: interviewView, 201: interviewView },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const interview = await getInterview(ctx(), request.params.interviewId);
      assertActsFor(principal, interview.state.employerId, 'interview');
      const result = await recordOutcome(ctx(), interview, request.body);
      request.log.info({ interviewId: interview.id, outcome: request.body.outcome, duplicate: result.duplicate }, 'interview outcome');
      const shared = (await getRegistration(ctx(), interview.state.registrationId)).state.consentShared;
      return reply.code(result.duplicate ? 200 : 201).send(toInterviewView(ctx(), result.interview, isStaff(principal) || shared));
    },
  );
}
