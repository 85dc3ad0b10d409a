import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { assertActsFor } from '../../use-cases/access.js';
import { createClient, listClients, revokeClientAccess, rotateClientSecret } from '../../use-cases/clients.js';
import { getEmployer } from '../../use-cases/employers.js';
import { employerParams } from '../employers/schemas.js';
import { clientList, clientParams, createClientBody, issuedClientView, toClientView } from './schemas.js';

const tags = ['clients'];
const managers = ['employer', 'staff', 'admin'] as const;

export default async function clientRoutes(app: ServiceApp) {
  app.post(
    '/employers/:employerId/clients',
    {
      schema: { tags, summary: 'Issue client credentials (the secret is shown once)', params: employerParams, body: createClientBody, response: { 201: issuedClientView } },
      onRequest: requireRole(...managers),
    },
    async (request, reply) => {
      assertActsFor(principalOf(request), request.params.employerId, 'Employer');
      const { client, secret } = await createClient(app.intake, request.params.employerId, request.body.label);
      request.log.info({ employerId: client.state.employerId, clientId: client.id }, 'client issued');
      reply.header('cache-control', 'no-store').header('location', `/v1/employers/${client.state.employerId}/clients/${client.id}`);
      return reply.code(201).send({ ...toClientView(client), clientSecret: secret });
    },
  );

  app.get(
    '/employers/:employerId/clients',
    { schema: { tags, summary: 'List an employer\'s clients (no secrets)', params: employerParams, response: { 200: clientList } }, onRequest: requireRole(...managers) },
    async (request) => {
      assertActsFor(principalOf(request), request.params.employerId, 'Employer');
      await getEmployer(app.intake, request.params.employerId);
      return { items: (await listClients(app.intake, request.params.employerId)).map(toClientView) };
    },
  );

  app.post(
    '/employers/:employerId/clients/:clientId/rotate',
    {
      schema: { tags, summary: 'Replace a client\'s secret (the old one stops working at once)', params: clientParams, response: { 200: issuedClientView } },
      onRequest: requireRole(...managers),
    },
    async (request, reply) => {
      assertActsFor(principalOf(request), request.params.employerId, 'Client');
      const { client, secret } = await rotateClientSecret(app.intake, request.params.employerId, request.params.clientId);
      request.log.info({ employerId: client.state.employerId, clientId: client.id }, 'client secret rotated');
      reply.header('cache-control', 'no-store');
      return { ...toClientView(client), clientSecret: secret };
    },
  );

  app.delete(
    '/employers/:employerId/clients/:clientId',
    { schema: { tags, summary: 'Revoke a client: its secret and tokens stop working', params: clientParams }, onRequest: requireRole(...managers) },
    async (request, reply) => {
      assertActsFor(principalOf(request), request.params.employerId, 'Client');
      await revokeClientAccess(app.intake, request.params.employerId, request.params.clientId);
      request.log.info({ employerId: request.params.employerId, clientId: request.params.clientId }, 'client revoked');
      return reply.code(204).send();
    },
  );
}
