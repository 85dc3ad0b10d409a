import { join } from 'node:path';
import type { EmployerSession } from '../system/employer-session.js';
import type { RunningSystem } from '../system/start-system.js';
import type { DemoSummary } from './demo.js';

export interface SummaryInput {
  system: Pick<RunningSystem, 'urls' | 'tokens'>;
  docsUrl: string;
  asyncApiFile: string;
  employer: EmployerSession;
  demo: DemoSummary | null;
  demoWanted: boolean;
  dataDir: string;
}

/** What is printed once everything is up: where to look and which tokens to use. */
export function summary({ system, docsUrl, asyncApiFile, employer, demo, demoWanted, dataDir }: SummaryInput): string {
  const { urls, tokens } = system;
  const lines = [
    '',
    'KetNoi is up.',
    '',
    `  start page          ${docsUrl}/`,
    `  dashboard           ${urls.analytics}/dashboard`,
    ...Object.entries(urls).map(([name, url]) => `  ${`${name} API`.padEnd(20)}${url}/docs`),
    `  AsyncAPI            ${docsUrl}/asyncapi.json  (${asyncApiFile})`,
    '',
    'Tokens (Authorization: Bearer …):',
    `  staff     (12 h)  ${tokens.staff}`,
    `  analyst   (12 h)  ${tokens.analyst}`,
    `  admin     (12 h)  ${tokens.admin}`,
    `  employer  (${Math.round(employer.expiresIn / 60)} min) ${employer.token}`,
    `            employer ${employer.employerId}, client ${employer.clientId}; a new token: POST ${urls['vacancy-intake']}/oauth/token`,
    `            with grant_type=client_credentials and the client's id and secret from ${join(dataDir, 'run', 'employer.json')}`,
    '',
    ...(demo
      ? [
          `Demo: ${demo.workers.published} workers published, ${demo.employers.created} employers registered (${demo.employers.existing} already there),`,
          `      ${demo.vacancies.created} vacancies opened (${demo.vacancies.existing} already there, ${demo.vacancies.rejected} refused) in ${(demo.durationMs / 1000).toFixed(1)} s;`,
          '      registration and matching keep working through the backlog for a while (watch the logs).',
        ]
      : [demoWanted ? 'Demo data not loaded (see the message above).' : 'Demo data skipped (--no-demo).']),
    `Logs: ${join(dataDir, 'logs')}/<service>.log   Emails and SMS sent: ${join(dataDir, 'outbox')}/`,
    'Press Ctrl-C to stop.',
  ];
  return lines.join('\n');
}
