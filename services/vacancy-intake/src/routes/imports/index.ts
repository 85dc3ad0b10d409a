import { KetNoiError } from '@ketnoi/errors';
import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import type { FastifyRequest } from 'fastify';
import { discriminatoryRequirement, findForbiddenFields } from '../../domain/forbidden-requirements.js';
import { jobPostingsIn, mapJobPosting } from '../../import/job-posting.js';
import type { MappedRow } from '../../import/row-error.js';
import { readSheet, type Sheet } from '../../import/sheet.js';
import { mapTabularRow, unknownColumns } from '../../import/tabular-row.js';
import { importVacancies } from '../../use-cases/import-vacancies.js';
import { importQuery, importReport } from './schemas.js';

export interface ImportOptions {
  limitBytes: number;
  maxRows: number;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function tabularRows(sheet: Sheet): MappedRow[] {
  const columns = { fields: Object.fromEntries(sheet.header.map((c) => [c, true])) };
  const findings = findForbiddenFields(columns.fields);
  if (findings.length > 0) throw discriminatoryRequirement(findings);
  const unknown = unknownColumns(sheet.header.filter((c) => c !== ''));
  if (unknown.length > 0) {
    throw new KetNoiError('IMPORT_COLUMNS_UNKNOWN', `Unknown columns: ${unknown.join(', ')}`, { status: 400, details: { unknown } });
  }
  return sheet.records.map(({ row, values }) => mapTabularRow(row, values));
}

async function rowsOf(request: FastifyRequest, app: ServiceApp): Promise<MappedRow[]> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return tabularRows(await readSheet('csv', request.body as Buffer));
  if (type === XLSX) return tabularRows(await readSheet('xlsx', request.body as Buffer));
  const postings = jobPostingsIn(request.body);
  if (postings.length === 0) throw new KetNoiError('IMPORT_EMPTY', 'The JSON-LD document holds no schema.org JobPosting', { status: 400 });
  const places = { communeByName: app.intake.references.communeByName, parkCommune: (code: string) => {
    const commune = app.intake.references.parkCommune(code);
    return commune === 'unchecked' ? undefined : commune;
  } };
  return postings.map((posting, i) => mapJobPosting(i + 1, posting, places));
}

export default async function importRoutes(app: ServiceApp, options: ImportOptions) {
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: options.limitBytes }, (_request, body, done) => done(null, body));
  app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: options.limitBytes }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('application/ld+json', { parseAs: 'string', bodyLimit: options.limitBytes }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new KetNoiError('IMPORT_UNREADABLE', 'The body is not JSON', { status: 400 }), undefined);
    }
  });

  app.post(
    '/vacancies/import',
    {
      schema: {
        tags: ['vacancies'],
        summary: 'Import vacancies from CSV, XLSX or schema.org JobPosting JSON-LD, with a report per row',
        description: `Content types: text/csv, ${XLSX}, application/ld+json (or application/json). See the service README for the columns.`,
        querystring: importQuery,
        response: { 200: importReport },
      },
      bodyLimit: options.limitBytes,
      onRequest: requireRole('employer', 'staff', 'admin'),
    },
    async (request) => {
      const rows = await rowsOf(request, app);
      if (rows.length > options.maxRows) {
        throw new KetNoiError('IMPORT_TOO_LARGE', `At most ${options.maxRows} rows per import; this one has ${rows.length}`, { status: 413 });
      }
      const report = await importVacancies(app.intake, rows, principalOf(request), request.query.employerId);
      request.log.info({ ...report.summary }, 'vacancies imported');
      return report;
    },
  );
}
