import type { Command } from 'commander';
import { resolveFile, type CliEnv } from '../config.js';
import { formatImportReport } from '../format/import-lines.js';
import type { ImportFileOptions } from '../import/import-file.js';
import type { ImportReport } from '../import/import-report.js';
import type { CliIo } from '../io/cli-io.js';
import { createProgress } from '../io/progress.js';
import { integerIn } from './arguments.js';

export interface ImportDeps {
  io: CliIo;
  env: CliEnv;
  importFile: (options: ImportFileOptions) => Promise<ImportReport>;
  /** The exit code the run will end with; 2 when rows were refused. */
  exit: { code: number };
}

interface ImportFlags {
  url?: string;
  token?: string;
  employerId?: string;
  chunk: number;
}

export function importCommand(program: Command, deps: ImportDeps): void {
  const group = program.command('import').description('import a CSV or XLSX file through the service that owns the records');
  const add = (kind: 'workers' | 'vacancies', description: string) => {
    const command = group
      .command(`${kind} <file>`)
      .description(description)
      .option('--url <url>', `${kind === 'workers' ? 'registration' : 'vacancy-intake'} base URL (env ${kind === 'workers' ? 'REGISTRATION_URL' : 'VACANCY_INTAKE_URL'})`)
      .option('--token <jwt>', `${kind === 'workers' ? 'staff' : 'employer or staff'} token (env KETNOI_TOKEN or STAFF_TOKEN)`)
      .option('--chunk <rows>', 'rows per request', integerIn(1, 5_000), 200);
    if (kind === 'vacancies') command.option('--employer-id <id>', 'staff: the employer of rows without an employer_id column');
    command.action(async (file: string, flags: ImportFlags) => {
      const token = flags.token ?? deps.env.token;
      if (!token) throw new Error('a token is needed: --token, or KETNOI_TOKEN / STAFF_TOKEN');
      const progress = createProgress(deps.io);
      try {
        const report = await deps.importFile({
          kind,
          file: resolveFile(deps.env, file),
          baseUrl: flags.url ?? (kind === 'workers' ? deps.env.registrationUrl : deps.env.vacancyIntakeUrl),
          token,
          chunkRows: flags.chunk,
          ...(flags.employerId === undefined ? {} : { employerId: flags.employerId }),
          onProgress: (done, total) => progress.update('rows', done, total),
        });
        progress.stop();
        for (const line of formatImportReport(report)) deps.io.out(line);
        if ((report.outcomes.rejected ?? 0) > 0) deps.exit.code = 2;
      } finally {
        progress.stop();
      }
    });
  };
  add('workers', 'register or update workers from a file (registration POST /v1/workers/import)');
  add('vacancies', 'open or update vacancies from a file (vacancy-intake POST /v1/vacancies/import)');
}
