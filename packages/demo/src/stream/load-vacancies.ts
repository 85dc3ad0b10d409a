import type { Logger } from 'pino';
import type { DemoVacancy } from '../generate/vacancies.js';
import { expectStatus, type HttpRequest } from './http-client.js';
import type { LoadedEmployer } from './load-employers.js';
import { pickProblem } from './load-employers.js';
import { runLimited } from './run-limited.js';

export interface VacancyRejection {
  index: number;
  reference: string;
  status: number;
  code?: string;
  detail?: string;
}

export interface VacancyCounts {
  created: number;
  existing: number;
  rejected: VacancyRejection[];
}

interface Context {
  request: HttpRequest;
  staffToken: () => Promise<string>;
  logger: Logger;
  progress: () => void;
  counts: VacancyCounts;
}

const REFERENCE = /Mã tin: (KN-\d+-\d+)\./u;

/** The demo references among an employer's vacancies (a re-run skips them). */
async function existingReferences(ctx: Context, token: string): Promise<Set<string>> {
  const found = new Set<string>();
  let cursor: string | null = null;
  do {
    const path: string = `/v1/vacancies?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const page = expectStatus(await ctx.request<{ items: { terms: { description?: string } }[]; nextCursor: string | null }>('GET', path, { token }), 'GET', path, 200);
    for (const item of page.body.items) {
      const match = REFERENCE.exec(item.terms.description ?? '');
      if (match) found.add(match[1]!);
    }
    cursor = page.body.nextCursor;
  } while (cursor);
  return found;
}

/** The employer's own session: an API client made by staff, traded for a token (client credentials). */
async function employerSession(ctx: Context, employerId: string) {
  const clientsPath = `/v1/employers/${employerId}/clients`;
  const created = expectStatus(
    await ctx.request<{ clientId: string; clientSecret: string }>('POST', clientsPath, { token: await ctx.staffToken(), body: { label: 'KetNoi demo loader' } }),
    'POST', clientsPath, 201,
  );
  const { clientId, clientSecret } = created.body;
  const token = async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    return expectStatus(await ctx.request<{ access_token: string }>('POST', '/oauth/token', { form }), 'POST', '/oauth/token', 200).body.access_token;
  };
  const revoke = async () => {
    const path = `${clientsPath}/${clientId}`;
    expectStatus(await ctx.request('DELETE', path, { token: await ctx.staffToken() }), 'DELETE', path, 204, 404);
  };
  return { token, revoke };
}

async function postVacancy(ctx: Context, vacancy: DemoVacancy, token: () => Promise<string>, current: { token: string }) {
  const init = () => ({ token: current.token, body: vacancy.terms, headers: { 'idempotency-key': `ketnoi-demo-${vacancy.reference}` } });
  let answer = await ctx.request<{ code?: string; detail?: string }>('POST', '/v1/vacancies', init());
  if (answer.status === 401) {
    current.token = await token(); // the employer token outlived its TTL
    answer = await ctx.request('POST', '/v1/vacancies', init());
  }
  if (answer.status === 201) ctx.counts.created += 1;
  else if (answer.status >= 400 && answer.status < 500 && answer.status !== 401 && answer.status !== 403) {
    ctx.counts.rejected.push({ index: vacancy.index, reference: vacancy.reference, status: answer.status, ...pickProblem(answer.body) });
  } else expectStatus(answer, 'POST', '/v1/vacancies', 201);
  ctx.progress();
}

/** Posts each employer's vacancies with that employer's own token; skips those a previous run posted. */
export async function loadVacancies(
  request: HttpRequest,
  staffToken: () => Promise<string>,
  employers: ReadonlyMap<number, LoadedEmployer>,
  vacancies: readonly DemoVacancy[],
  options: { concurrency: number; logger: Logger; progress: (done: number) => void },
): Promise<VacancyCounts> {
  const counts: VacancyCounts = { created: 0, existing: 0, rejected: [] };
  let done = 0;
  const ctx: Context = { request, staffToken, logger: options.logger, counts, progress: () => options.progress((done += 1)) };
  const byEmployer = new Map<number, DemoVacancy[]>();
  for (const vacancy of vacancies) byEmployer.set(vacancy.employerIndex, [...(byEmployer.get(vacancy.employerIndex) ?? []), vacancy]);
  // Largest first, so the long queues start early and lanes finish together.
  const queue = [...byEmployer.entries()].sort((a, b) => b[1].length - a[1].length);
  await runLimited(queue, options.concurrency, async ([employerIndex, own]) => {
    const employer = employers.get(employerIndex);
    if (!employer) {
      for (const v of own) {
        counts.rejected.push({ index: v.index, reference: v.reference, status: 0, code: 'EMPLOYER_NOT_LOADED', detail: `employer ${employerIndex} was refused` });
        ctx.progress();
      }
      return;
    }
    const session = await employerSession(ctx, employer.employerId);
    try {
      const current = { token: await session.token() };
      const existing = employer.existed ? await existingReferences(ctx, current.token) : new Set<string>();
      for (const vacancy of own) {
        if (existing.has(vacancy.reference)) {
          counts.existing += 1;
          ctx.progress();
        } else await postVacancy(ctx, vacancy, session.token, current);
      }
    } finally {
      await session.revoke();
    }
    options.logger.debug({ employerId: employer.employerId, vacancies: own.length }, 'employer vacancies loaded');
  });
  return counts;
}
