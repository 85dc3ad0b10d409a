import { notFound } from '@ketnoi/errors';
import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { matchIdOf } from '../../use-cases/match-events.js';
import { candidateCards } from './candidate-cards.js';
import { explainQuery, explanation, idParams, jobParams, pageQuery, rematchJob, vacancyMatches, workerMatches } from './schemas.js';

/** Matches by vacancy (its employer or staff), by worker (staff), explanations (staff) and re-matching (admin). */
export async function matchRoutes(app: ServiceApp): Promise<void> {
  const scoringVersion = () => app.matching.engine.ctx.config.version;
  const staff = requireRole('staff', 'admin');

  app.get(
    '/v1/vacancies/:id/matches',
    {
      onRequest: requireRole('staff', 'admin', 'employer'),
      schema: { summary: "A vacancy's ranked candidates", tags: ['matches'], params: idParams, querystring: pageQuery, response: { 200: vacancyMatches } },
    },
    async (request) => {
      const { id } = request.params;
      const list = await app.matchReads.vacancyList(id);
      const principal = principalOf(request);
      const isStaff = principal.roles.includes('staff') || principal.roles.includes('admin');
      // Another employer's vacancy answers as if it did not exist (as in vacancy-intake).
      if (!list || (!isStaff && principal.employerId !== list.employerId)) throw notFound('vacancy', { details: { vacancyId: id } });
      const { offset, limit } = request.query;
      const items = candidateCards(app.matching.tables, id, await list.page(offset, limit), isStaff);
      return { vacancyId: id, scoringVersion: scoringVersion(), total: list.total, offset, limit, items };
    },
  );

  app.get(
    '/v1/workers/:id/matches',
    { onRequest: staff, schema: { summary: "A worker's best open vacancies", tags: ['matches'], params: idParams, response: { 200: workerMatches } } },
    async (request) => {
      const { id } = request.params;
      const matches = await app.matchReads.workerMatches(id);
      if (!matches) throw notFound('worker', { details: { workerId: id } });
      const items = matches.map((match, i) => ({ matchId: matchIdOf(match.vacancyId, id), ...match, rank: i + 1 }));
      return { workerId: id, scoringVersion: scoringVersion(), items };
    },
  );

  app.get(
    '/v1/explain',
    { onRequest: staff, schema: { summary: 'Why a pair matched, or which filter it failed', tags: ['matches'], querystring: explainQuery, response: { 200: explanation } } },
    async (request) => {
      const { workerId, vacancyId } = request.query;
      const explained = await app.matchReads.explainPair(workerId, vacancyId);
      if ('missing' in explained) {
        throw explained.missing === 'worker' ? notFound('worker', { details: { workerId } }) : notFound('vacancy', { details: { vacancyId } });
      }
      return { workerId, vacancyId, ...explained };
    },
  );

  app.post(
    '/v1/rematch',
    {
      onRequest: requireRole('admin'),
      schema: {
        summary: 'Start re-scoring every open vacancy in the background; only changed matches are announced',
        tags: ['matches'],
        response: { 202: rematchJob },
      },
    },
    async (request, reply) => {
      const job = app.rematchJobs.start();
      request.log.info({ jobId: job.jobId, vacancies: job.vacancies }, 'rematch started');
      return reply.code(202).header('location', `/v1/rematch/${job.jobId}`).send(job);
    },
  );

  app.get(
    '/v1/rematch/:jobId',
    { onRequest: requireRole('admin'), schema: { summary: "A re-match job's progress", tags: ['matches'], params: jobParams, response: { 200: rematchJob } } },
    async (request) => {
      const job = app.rematchJobs.get(request.params.jobId);
      if (!job) throw notFound('rematch job', { details: { jobId: request.params.jobId } });
      return job;
    },
  );
}
