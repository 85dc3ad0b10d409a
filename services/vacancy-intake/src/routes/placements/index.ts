import { randomUUID } from 'node:crypto';
import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { placementIdOf } from '../../domain/vacancy-events.js';
import { assertActsFor } from '../../use-cases/access.js';
import { hireWorker, recordCandidateOutcome } from '../../use-cases/hires.js';
import { getVacancy } from '../../use-cases/vacancies.js';
import { toVacancyView, vacancyParams } from '../vacancies/schemas.js';
import { versionHeaders } from '../version-headers.js';
import { hireBody, hireView, outcomeBody, outcomeView } from './schemas.js';

const tags = ['placements'];
const writers = ['employer', 'staff', 'admin'] as const;

export default async function placementRoutes(app: ServiceApp) {
  app.post(
    '/vacancies/:vacancyId/hires',
    {
      schema: { tags, summary: 'Record a hire (the last position closes the vacancy as filled)', params: vacancyParams, body: hireBody, response: { 201: hireView } },
      onRequest: requireRole(...writers),
      config: { idempotency: { scope: 'hire' } },
    },
    async (request, reply) => {
      const { vacancyId } = request.params;
      assertActsFor(principalOf(request), (await getVacancy(app.intake, vacancyId)).state.employerId, 'Vacancy');
      // An earlier attempt of this request (its key released by a 5xx, or its claim abandoned by a crash) may have hired already.
      const attempt = randomUUID();
      const retried = request.idempotentId !== null && (await request.idempotentId(attempt)) !== attempt;
      const vacancy = await hireWorker(app.intake, vacancyId, request.body, retried);
      request.log.info({ vacancyId, workerId: request.body.workerId, status: vacancy.state.status }, 'hire recorded');
      versionHeaders(reply, vacancy.version);
      return reply.code(201).send({ placementId: placementIdOf(vacancyId, request.body.workerId), vacancy: toVacancyView(vacancy) });
    },
  );

  app.post(
    '/vacancies/:vacancyId/outcomes',
    {
      schema: {
        tags,
        summary: 'Record a candidate\'s outcome: shortlisted, interviewed, rejected (with a reason) or no-show',
        params: vacancyParams,
        body: outcomeBody,
        response: { 200: outcomeView, 201: outcomeView },
      },
      onRequest: requireRole(...writers),
    },
    async (request, reply) => {
      const vacancy = await getVacancy(app.intake, request.params.vacancyId);
      assertActsFor(principalOf(request), vacancy.state.employerId, 'Vacancy');
      const { workerId, ...input } = request.body;
      const recorded = await recordCandidateOutcome(app.intake, vacancy, workerId, input);
      const { vacancyId, outcomes } = recorded.state;
      return reply
        .code(recorded.duplicate ? 200 : 201)
        .send({ candidacyId: recorded.candidacyId, version: recorded.version, vacancyId, workerId, outcomes });
    },
  );
}
