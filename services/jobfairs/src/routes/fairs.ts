import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { REPORT_COLUMNS, reportCsv, reportRows, spreadsheetCell } from '../domain/report-table.js';
import { autoSchedule } from '../use-cases/auto-schedule.js';
import { registerBooth } from '../use-cases/booths.js';
import { cancelFair } from '../use-cases/cancel-fair.js';
import { changeFair, getFair, listFairs, scheduleFair } from '../use-cases/fairs.js';
import { checkIn, registerWorker, registrationsOf, selfServiceLink } from '../use-cases/registrations.js';
import { sendReminders } from '../use-cases/reminders.js';
import { boothsOf, report } from '../use-cases/views.js';
import {
  boothBody,
  boothView,
  checkInBody,
  checkInView,
  fairBody,
  fairParams,
  fairPatch,
  fairView,
  linkView,
  registrationBody,
  registrationView,
  reminderView,
  reportQuery,
  scheduleBody,
  scheduleView,
} from './schemas.js';
import { toFairView, toInterviewView } from './views.js';

const tags = ['fairs'];
const staff = requireRole('staff', 'admin');

/** Sessions (staff), their booths (employers), registrations, check-in, scheduling, reminders and the report. */
export async function fairRoutes(app: ServiceApp): Promise<void> {
  const ctx = () => app.jobfairs;

  app.post('/v1/fairs', { onRequest: staff, schema: { tags, summary: 'Schedule a job fair', body: fairBody, response: { 201: fairView } } }, async (request, reply) => {
    const fair = await scheduleFair(ctx(), request.body);
    request.log.info({ fairId: fair.id }, 'fair scheduled');
    return reply.code(201).send(toFairView(fair));
  });

  app.get('/v1/fairs', { onRequest: requireRole(), schema: { tags, summary: 'Job fairs, earliest first', response: { 200: z.object({ items: z.array(fairView) }) } } }, async () => ({
    items: (await listFairs(ctx())).map(toFairView),
  }));

  app.get('/v1/fairs/:fairId', { onRequest: requireRole(), schema: { tags, summary: 'A job fair', params: fairParams, response: { 200: fairView } } }, async (request) =>
    toFairView(await getFair(ctx(), request.params.fairId)),
  );

  app.patch(
    '/v1/fairs/:fairId',
    { onRequest: staff, schema: { tags, summary: 'Change a fair\'s date, place, link, theme or capacity', params: fairParams, body: fairPatch, response: { 200: fairView } } },
    async (request) => toFairView(await changeFair(ctx(), request.params.fairId, request.body)),
  );

  app.post(
    '/v1/fairs/:fairId/cancel',
    { onRequest: staff, schema: { tags, summary: 'Cancel a fair and its scheduled interviews', params: fairParams, response: { 200: fairView } } },
    async (request) => toFairView((await cancelFair(ctx(), request.params.fairId)).fair),
  );

  app.post(
    '/v1/fairs/:fairId/booths',
    {
      onRequest: requireRole('employer', 'staff', 'admin'),
      schema: { tags, summary: 'Register a booth with vacancies (an employer for itself, or staff for an employer)', params: fairParams, body: boothBody, response: { 201: boothView } },
    },
    async (request, reply) => {
      const booth = await registerBooth(ctx(), request.params.fairId, principalOf(request), request.body);
      request.log.info({ fairId: request.params.fairId, boothId: booth.id }, 'booth registered');
      return reply.code(201).send(booth.state);
    },
  );

  app.get(
    '/v1/fairs/:fairId/booths',
    { onRequest: requireRole(), schema: { tags, summary: 'The fair\'s booths', params: fairParams, response: { 200: z.object({ items: z.array(boothView) }) } } },
    async (request) => {
      await getFair(ctx(), request.params.fairId);
      return { items: (await boothsOf(ctx(), request.params.fairId)).sort((a, b) => a.label.localeCompare(b.label)) };
    },
  );

  app.post(
    '/v1/fairs/:fairId/registrations',
    { onRequest: staff, schema: { tags, summary: 'Register a worker for the fair (at a desk)', params: fairParams, body: registrationBody, response: { 201: registrationView } } },
    async (request, reply) => {
      const registration = await registerWorker(ctx(), request.params.fairId, request.body.workerId, 'staff');
      request.log.info({ fairId: request.params.fairId, registrationId: registration.id }, 'worker registered for fair');
      return reply.code(201).send(registration.state);
    },
  );

  app.get(
    '/v1/fairs/:fairId/registrations',
    { onRequest: staff, schema: { tags, summary: 'The fair\'s registered workers', params: fairParams, response: { 200: z.object({ items: z.array(registrationView) }) } } },
    async (request) => {
      await getFair(ctx(), request.params.fairId);
      return { items: (await registrationsOf(ctx(), request.params.fairId)).sort((a, b) => a.seat - b.seat) };
    },
  );

  app.post(
    '/v1/fairs/:fairId/self-service-links',
    {
      onRequest: staff,
      schema: { tags, summary: 'A signed link for a worker to register, consent and book by themselves (send it through notification)', params: fairParams, body: registrationBody, response: { 201: linkView } },
    },
    async (request, reply) => {
      await getFair(ctx(), request.params.fairId);
      return reply.code(201).send({ ...selfServiceLink(ctx(), request.params.fairId, request.body.workerId), header: 'x-jobfair-link' as const });
    },
  );

  app.post(
    '/v1/fairs/:fairId/schedule',
    {
      onRequest: staff,
      schema: { tags, summary: 'Book registered workers into free slots at their best-matched booths, without clashes', params: fairParams, body: scheduleBody, response: { 200: scheduleView } },
    },
    async (request) => {
      const result = await autoSchedule(ctx(), request.params.fairId, request.body.perWorker);
      request.log.info({ fairId: request.params.fairId, booked: result.booked.length, unplaced: result.unplaced }, 'interviews scheduled');
      return {
        booked: result.booked.length,
        unplaced: result.unplaced,
        interviews: result.booked.map((state) => toInterviewView(ctx(), { id: state.interviewId, version: 1, state, updatedAt: new Date() }, true)),
      };
    },
  );

  app.post(
    '/v1/fairs/:fairId/check-ins',
    { onRequest: staff, schema: { tags, summary: 'Check an attendee in by their QR code', params: fairParams, body: checkInBody, response: { 200: checkInView } } },
    async (request) => {
      const result = await checkIn(ctx(), request.params.fairId, request.body.code);
      request.log.info({ fairId: request.params.fairId, registrationId: result.registration.id, again: result.alreadyCheckedIn }, 'check-in');
      return { registration: result.registration.state, alreadyCheckedIn: result.alreadyCheckedIn };
    },
  );

  app.post(
    '/v1/fairs/:fairId/reminders',
    { onRequest: staff, schema: { tags, summary: 'Remind registered workers of the fair and of their interviews (each reminder once)', params: fairParams, response: { 200: reminderView } } },
    async (request) => sendReminders(ctx(), request.params.fairId),
  );

  app.get(
    '/v1/fairs/:fairId/report',
    {
      onRequest: requireRole('staff', 'admin', 'analyst'),
      schema: { tags, summary: 'The fair report: attendance, interviews, offers and hires per booth, priority-group reach (JSON, CSV or XLSX)', params: fairParams, querystring: reportQuery },
    },
    async (request, reply) => {
      const data = await report(ctx(), request.params.fairId);
      const name = `jobfair-${data.fairId}`;
      if (request.query.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(`\uFEFF${reportCsv(data)}`);
      }
      if (request.query.format === 'xlsx') {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Report');
        sheet.addRow([...REPORT_COLUMNS]);
        for (const row of reportRows(data)) sheet.addRow(REPORT_COLUMNS.map((c) => spreadsheetCell(row[c])));
        const body = Buffer.from(await workbook.xlsx.writeBuffer());
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(body);
      }
      return data;
    },
  );
}
