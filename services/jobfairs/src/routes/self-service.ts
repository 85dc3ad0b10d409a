import { KetNoiError, notFound } from '@ketnoi/errors';
import type { ServiceApp } from '@ketnoi/service-kit';
import type { FastifyRequest } from 'fastify';
import { registrationIdOf } from '../domain/ids.js';
import { readSelfServiceToken } from '../domain/tokens.js';
import { bookSlot, cancelInterview, getInterview } from '../use-cases/bookings.js';
import { checkInCode, getRegistration, registerWorker, shareProfile } from '../use-cases/registrations.js';
import { recommendations } from '../use-cases/views.js';
import { interviewParams, interviewView, qrQuery, recommendationList, registrationView, selfBookingBody } from './schemas.js';
import { qrImage, toInterviewView } from './views.js';

const tags = ['self-service'];
const HEADER = 'x-jobfair-link';

/** The fair and worker a self-service link was made for; 401 without a valid, unexpired link. */
function linkOf(app: ServiceApp, request: FastifyRequest): { fairId: string; workerId: string } {
  const token = request.headers[HEADER];
  const link = typeof token === 'string' ? readSelfServiceToken(app.jobfairs.signer, token, app.jobfairs.now()) : null;
  if (!link) throw new KetNoiError('INVALID_LINK', 'a valid self-service link is required', { status: 401 });
  return link;
}

/**
 * What a worker does by themselves, with the signed link staff sent them (in
 * the `x-jobfair-link` header): register, agree to share, see their ranked
 * list and QR code, book and cancel interviews.
 */
export async function selfServiceRoutes(app: ServiceApp): Promise<void> {
  const ctx = () => app.jobfairs;
  const mine = async (request: FastifyRequest) => {
    const { fairId, workerId } = linkOf(app, request);
    return getRegistration(ctx(), registrationIdOf(fairId, workerId));
  };

  app.post('/v1/self-service/registration', { schema: { tags, summary: 'Register for the fair of the link', response: { 201: registrationView } } }, async (request, reply) => {
    const { fairId, workerId } = linkOf(app, request);
    return reply.code(201).send((await registerWorker(ctx(), fairId, workerId, 'self-service')).state);
  });

  app.post('/v1/self-service/consent', { schema: { tags, summary: 'Agree to share my profile with the fair\'s employers', response: { 200: registrationView } } }, async (request) =>
    (await shareProfile(ctx(), (await mine(request)).id)).state,
  );

  app.get('/v1/self-service/recommendations', { schema: { tags, summary: 'My booths and vacancies, best match first', response: { 200: recommendationList } } }, async (request) => {
    const registration = await mine(request);
    return { registrationId: registration.id, items: await recommendations(ctx(), registration.state) };
  });

  app.get('/v1/self-service/qr', { schema: { tags, summary: 'My check-in QR code', querystring: qrQuery } }, async (request, reply) => {
    const image = await qrImage(checkInCode(ctx(), (await mine(request)).state), request.query.format);
    return reply.type(image.type).header('cache-control', 'no-store').send(image.body);
  });

  app.post(
    '/v1/self-service/interviews/:interviewId/cancel',
    { schema: { tags, summary: 'Cancel one of my interviews', params: interviewParams, response: { 200: interviewView } } },
    async (request) => {
      const { workerId, fairId } = linkOf(app, request);
      const interview = await getInterview(ctx(), request.params.interviewId);
      if (interview.state.workerId !== workerId || interview.state.fairId !== fairId) throw notFound('interview');
      return toInterviewView(ctx(), await cancelInterview(ctx(), interview, 'worker-cancelled'), true);
    },
  );

  app.post('/v1/self-service/bookings', { schema: { tags, summary: 'Book an interview slot', body: selfBookingBody, response: { 201: interviewView } } }, async (request, reply) => {
    const registration = await mine(request);
    const interview = await bookSlot(ctx(), { registrationId: registration.id, ...request.body });
    return reply.code(201).send(toInterviewView(ctx(), interview, true));
  });
}
