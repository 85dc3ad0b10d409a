import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import type { z } from 'zod';
import type { EmployerProfile, EmployerState } from '../../domain/employer.js';
import { assertCanRead } from '../../use-cases/access.js';
import { getEmployer, registerEmployerFor, reviseEmployerProfile } from '../../use-cases/employers.js';
import { ifMatchVersion, versionHeaders } from '../version-headers.js';
import { employerParams, employerView, patchEmployerBody, registerEmployerBody, toEmployerView } from './schemas.js';

const tags = ['employers'];
type Patch = z.infer<typeof patchEmployerBody>;

const flatten = ({ address, ...rest }: z.infer<typeof registerEmployerBody>): EmployerProfile => ({
  ...rest,
  communeCode: address.communeCode,
  ...(address.street === undefined ? {} : { street: address.street }),
});

function applyPatch(current: EmployerState, patch: Patch): EmployerProfile & { status: EmployerState['status'] } {
  const { taxCode: _taxCode, registeredAt: _registeredAt, ...next } = { ...current } as EmployerState & Record<string, unknown>;
  const { address, investorCountry, industrialParkCode, ...rest } = patch;
  Object.assign(next, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
  if (address !== undefined) {
    next.communeCode = address.communeCode;
    if (address.street === undefined) delete next.street;
    else next.street = address.street;
  }
  if (investorCountry === null) delete next.investorCountry;
  else if (investorCountry !== undefined) next.investorCountry = investorCountry;
  if (industrialParkCode === null) delete next.industrialParkCode;
  else if (industrialParkCode !== undefined) next.industrialParkCode = industrialParkCode;
  return next;
}

export default async function employerRoutes(app: ServiceApp) {
  app.post(
    '/employers',
    { schema: { tags, summary: 'Register an employer (staff)', body: registerEmployerBody, response: { 201: employerView } }, onRequest: requireRole('staff', 'admin') },
    async (request, reply) => {
      const { taxCode } = request.body;
      const employer = await registerEmployerFor(app.intake, taxCode, flatten(request.body));
      versionHeaders(reply, employer.version, `/v1/employers/${employer.id}`);
      return reply.code(201).send(toEmployerView(employer));
    },
  );

  app.get(
    '/employers/:employerId',
    { schema: { tags, summary: 'Read an employer (an employer reads only itself)', params: employerParams, response: { 200: employerView } }, onRequest: requireRole() },
    async (request, reply) => {
      assertCanRead(principalOf(request), request.params.employerId, 'Employer');
      const employer = await getEmployer(app.intake, request.params.employerId);
      versionHeaders(reply, employer.version);
      return toEmployerView(employer);
    },
  );

  app.patch(
    '/employers/:employerId',
    {
      schema: { tags, summary: 'Change an employer (staff; If-Match: its version)', params: employerParams, body: patchEmployerBody, response: { 200: employerView } },
      onRequest: requireRole('staff', 'admin'),
    },
    async (request, reply) => {
      const expected = ifMatchVersion(request, true);
      const employer = await reviseEmployerProfile(app.intake, request.params.employerId, expected, (current) => applyPatch(current, request.body));
      versionHeaders(reply, employer.version);
      return toEmployerView(employer);
    },
  );
}
