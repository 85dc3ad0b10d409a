import { forbidden, validationError } from '@ketnoi/errors';
import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { vacancyTerms } from '@ketnoi/contracts';
import { z } from 'zod';
import { assertActsFor, assertCanRead, isStaff } from '../../use-cases/access.js';
import { closeVacancyAs, createVacancy, getVacancy, newVacancyId, updateVacancy } from '../../use-cases/vacancies.js';
import { listVacancies } from '../../use-cases/list-vacancies.js';
import { refuseForbiddenFields } from '../forbidden-fields-hook.js';
import { prefetchEmployer, prefetchedEmployer } from './employer-prefetch.js';
import { ifMatchVersion, versionHeaders } from '../version-headers.js';
import { closeVacancyBody, createVacancyBody, listVacanciesQuery, patchVacancyBody, toVacancyView, vacancyPage, vacancyParams, vacancyView } from './schemas.js';

const tags = ['vacancies'];
const writers = ['employer', 'staff', 'admin'] as const;
const readers = [...writers, 'analyst'] as const;

function removeNulls(patch: Record<string, unknown>, terms: Record<string, unknown>) {
  const next: Record<string, unknown> = { ...terms };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next;
}

export default async function vacancyRoutes(app: ServiceApp) {
  app.post(
    '/vacancies',
    {
      schema: { tags, summary: 'Open a vacancy', body: createVacancyBody, response: { 201: vacancyView } },
      onRequest: requireRole(...writers),
      preValidation: [refuseForbiddenFields, prefetchEmployer(() => app.intake)],
      // The vacancy's id is stored with the key's claim (one insert), not when the handler asks for it.
      config: { idempotency: { scope: 'create-vacancy', effect: () => newVacancyId(app.intake) } },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { employerId: named, ...input } = request.body;
      const employerId = isStaff(principal) ? named : principal.employerId;
      if (employerId === undefined) throw validationError('Staff name the employer: employerId is required');
      if (!isStaff(principal) && named !== undefined && named !== principal.employerId) throw forbidden('An employer opens vacancies only for itself');
      // With an Idempotency-Key, every attempt of this request opens the vacancy under one id (a re-run finds it).
      const idOf = request.idempotentId ?? undefined;
      const vacancy = await createVacancy(app.intake, employerId, vacancyTerms.parse(input), prefetchedEmployer(request, employerId), idOf);
      versionHeaders(reply, vacancy.version, `/v1/vacancies/${vacancy.id}`);
      return reply.code(201).send(toVacancyView(vacancy));
    },
  );

  app.get(
    '/vacancies',
    { schema: { tags, summary: 'List vacancies (an employer sees its own)', querystring: listVacanciesQuery, response: { 200: vacancyPage } }, onRequest: requireRole(...readers) },
    async (request) => {
      const principal = principalOf(request);
      const { employerId, ...filters } = request.query;
      const scope = principal.roles.includes('employer') && !isStaff(principal) ? principal.employerId : employerId;
      const page = await listVacancies(app.intake, { ...filters, employerId: scope });
      return { items: page.items.map(toVacancyView), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/vacancies/:vacancyId',
    { schema: { tags, summary: 'Read a vacancy (ETag: its version)', params: vacancyParams, response: { 200: vacancyView } }, onRequest: requireRole(...readers) },
    async (request, reply) => {
      const vacancy = await getVacancy(app.intake, request.params.vacancyId);
      assertCanRead(principalOf(request), vacancy.state.employerId, 'Vacancy');
      versionHeaders(reply, vacancy.version);
      return toVacancyView(vacancy);
    },
  );

  app.patch(
    '/vacancies/:vacancyId',
    {
      schema: {
        tags,
        summary: 'Change a vacancy\'s terms (JSON merge patch; If-Match: its version, 412 when stale)',
        params: vacancyParams,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: patchVacancyBody,
        response: { 200: vacancyView },
      },
      onRequest: requireRole(...writers),
      preValidation: refuseForbiddenFields,
    },
    async (request, reply) => {
      const expected = ifMatchVersion(request, true);
      const vacancy = await getVacancy(app.intake, request.params.vacancyId);
      assertActsFor(principalOf(request), vacancy.state.employerId, 'Vacancy');
      const next = removeNulls(request.body, vacancy.state.terms as unknown as Record<string, unknown>);
      const updated = await updateVacancy(app.intake, vacancy, expected, next);
      versionHeaders(reply, updated.version);
      return toVacancyView(updated);
    },
  );

  app.post(
    '/vacancies/:vacancyId/close',
    {
      schema: { tags, summary: 'Close a vacancy: filled, withdrawn (cancelled) or expired, with a note', params: vacancyParams, body: closeVacancyBody, response: { 200: vacancyView } },
      onRequest: requireRole(...writers),
    },
    async (request, reply) => {
      const vacancy = await getVacancy(app.intake, request.params.vacancyId);
      assertActsFor(principalOf(request), vacancy.state.employerId, 'Vacancy');
      const expected = ifMatchVersion(request, false) ?? vacancy.version;
      const closed = await closeVacancyAs(app.intake, vacancy, expected, request.body.reason, request.body.note);
      versionHeaders(reply, closed.version);
      return toVacancyView(closed);
    },
  );
}
