import { requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { checkInCode, getRegistration, shareProfile } from '../use-cases/registrations.js';
import { recommendations } from '../use-cases/views.js';
import { qrQuery, recommendationList, registrationParams, registrationView } from './schemas.js';
import { qrImage } from './views.js';

const tags = ['registrations'];
const staff = requireRole('staff', 'admin');

/** A registration, seen by staff: the worker's ranked list, their consent, their check-in QR code. */
export async function registrationRoutes(app: ServiceApp): Promise<void> {
  const ctx = () => app.jobfairs;

  app.get(
    '/v1/registrations/:registrationId/recommendations',
    { onRequest: staff, schema: { tags, summary: 'The fair\'s booths and vacancies ranked by the worker\'s match', params: registrationParams, response: { 200: recommendationList } } },
    async (request) => {
      const registration = await getRegistration(ctx(), request.params.registrationId);
      return { registrationId: registration.id, items: await recommendations(ctx(), registration.state) };
    },
  );

  app.post(
    '/v1/registrations/:registrationId/consent',
    { onRequest: staff, schema: { tags, summary: 'Record that the worker agreed to share their profile with the fair\'s employers', params: registrationParams, response: { 200: registrationView } } },
    async (request) => (await shareProfile(ctx(), request.params.registrationId)).state,
  );

  app.get(
    '/v1/registrations/:registrationId/qr',
    { onRequest: staff, schema: { tags, summary: 'The attendee\'s check-in QR code (PNG, SVG, or the code as text)', params: registrationParams, querystring: qrQuery } },
    async (request, reply) => {
      const registration = await getRegistration(ctx(), request.params.registrationId);
      const image = await qrImage(checkInCode(ctx(), registration.state), request.query.format);
      return reply.type(image.type).header('cache-control', 'no-store').send(image.body);
    },
  );
}
