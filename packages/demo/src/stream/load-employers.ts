import type { DemoEmployer } from '../generate/employers.js';
import { expectStatus, type HttpRequest } from './http-client.js';
import { runLimited } from './run-limited.js';

export interface LoadedEmployer {
  index: number;
  employerId: string;
  /** Registered before this run: it may already have demo vacancies. */
  existed: boolean;
}

export interface EmployerRejection {
  index: number;
  status: number;
  code?: string;
  detail?: string;
}

interface Problem {
  code?: string;
  detail?: string;
  details?: { employerId?: string };
}

/**
 * Registers the employers as staff. One employer per tax code: a 409 names
 * the employer already registered, which is then used (a re-run adds none).
 */
export async function loadEmployers(
  request: HttpRequest,
  staffToken: () => Promise<string>,
  employers: readonly DemoEmployer[],
  concurrency: number,
  progress: (done: number) => void,
) {
  const loaded = new Map<number, LoadedEmployer>();
  const rejected: EmployerRejection[] = [];
  let done = 0;
  await runLimited(employers, concurrency, async (employer) => {
    const answer = await request<{ employerId: string } & Problem>('POST', '/v1/employers', { token: await staffToken(), body: employer.body });
    if (answer.status === 201) loaded.set(employer.index, { index: employer.index, employerId: answer.body.employerId, existed: false });
    else if (answer.status === 409 && answer.body?.details?.employerId) {
      loaded.set(employer.index, { index: employer.index, employerId: answer.body.details.employerId, existed: true });
    } else if (answer.status >= 400 && answer.status < 500 && answer.status !== 401 && answer.status !== 403) {
      rejected.push({ index: employer.index, status: answer.status, ...pickProblem(answer.body) });
    } else expectStatus(answer, 'POST', '/v1/employers', 201);
    progress((done += 1));
  });
  return { loaded, rejected };
}

export const pickProblem = (body: Problem | undefined): { code?: string; detail?: string } => ({
  ...(body?.code === undefined ? {} : { code: body.code }),
  ...(body?.detail === undefined ? {} : { detail: body.detail }),
});
