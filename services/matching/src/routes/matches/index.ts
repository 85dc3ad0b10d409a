import { notFound } from '@ketnoi/errors';
import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { explain } from '../../domain/explain.js';
import { matchIdOf } from '../../use-cases/match-announcer.js';
import { candidateCards } from './candidate-cards.js';
import { explainQuery, explanation, idParams, jobParams, pageQuery, rematchJob, vacancyMatches, workerMatches } from './schemas.js';

/** Matches by vacancy (its employer or staff), by worker (staff), explanations (staff) and re-matching (admin). */
export async function matchRoutes(app: ServiceApp): Promise<void> {
  const engine = () => app.matching.engine;
  const staff = requireRole('staff', 'admin');

  app.get(
    '/v1/vacancies/:id/matches',
    {
      onRequest: requireRole('staff', 'admin', 'employer'),
      schema: { summary: "A vacancy's ranked candidates", tags: ['matches'], params: idParams, querystring: pageQuery, response: { 200: vacancyMatches } },
    },
    async (request) => {
      const { id } = request.params;
      const vacancy = engine().vacancies.get(id);
      const principal = principalOf(request);
      const isStaff = principal.roles.includes('staff') || principal.roles.includes('admin');
      // Another employer's vacancy answers as if it did not exist (as in vacancy-intake).
      if (!vacancy || (!isStaff && principal.employerId !== vacancy.employerId)) throw notFound('vacancy', { details: { vacancyId: id } });
      const list = engine().topOfVacancy(id);
      const { offset, limit } = request.query;
      return {
        vacancyId: id,
        scoringVersion: engine().ctx.config.version,
        total: list.length,
        offset,
        limit,
        items: candidateCards(engine(), vacancy, list, offset, limit, isStaff),
      };
    },
  );

  app.get(
    '/v1/workers/:id/matches',
    { onRequest: staff, schema: { summary: "A worker's best open vacancies", tags: ['matches'], params: idParams, response: { 200: workerMatches } } },
    async (request) => {
      const { id } = request.params;
      const worker = engine().workers.get(id);
      if (!worker) throw notFound('worker', { details: { workerId: id } });
      const items = engine()
        .topOfWorker(id)
        .flatMap((entry, i) => {
          const vacancy = engine().vacancies.get(entry.id);
          if (!vacancy) return [];
          const { factors } = explain(engine().ctx, worker, vacancy);
          return [{ matchId: matchIdOf(entry.id, id), vacancyId: entry.id, rank: i + 1, score: entry.score, factors }];
        });
      return { workerId: id, scoringVersion: engine().ctx.config.version, items };
    },
  );

  app.get(
    '/v1/explain',
    { onRequest: staff, schema: { summary: 'Why a pair matched, or which filter it failed', tags: ['matches'], querystring: explainQuery, response: { 200: explanation } } },
    async (request) => {
      const { workerId, vacancyId } = request.query;
      const worker = engine().workers.get(workerId);
      const vacancy = engine().vacancies.get(vacancyId);
      if (!worker) throw notFound('worker', { details: { workerId } });
      if (!vacancy) throw notFound('vacancy', { details: { vacancyId } });
      const rank = engine().topOfVacancy(vacancyId).findIndex((entry) => entry.id === workerId);
      return { workerId, vacancyId, ...explain(engine().ctx, worker, vacancy), rank: rank >= 0 ? rank + 1 : null };
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
