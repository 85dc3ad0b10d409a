import { requireRole, type ServiceApp } from '@ketnoi/service-kit';
import { z } from 'zod';
import { computeActivity } from '../../domain/activity.js';
import type { ExposureRow } from '../../domain/exposure.js';
import { vietnamDayOf } from '../../domain/local-day.js';
import { trainingNeeds, type SkillNeed } from '../../domain/training-needs.js';
import { exposureOf } from '../../use-cases/exposure-of.js';
import { formatOf, sendFile, type Column } from '../export/table-export.js';
import { formatParam, periodParam } from '../supply-demand/schemas.js';

const GROUP_NAMES: Record<string, string> = {
  poorHousehold: 'Hộ nghèo (poor household)',
  nearPoorHousehold: 'Hộ cận nghèo (near-poor household)',
  recentlyOutOfPoverty: 'Mới thoát nghèo (recently out of poverty)',
  ethnicMinority: 'Dân tộc thiểu số (ethnic minority)',
  disability: 'Người khuyết tật (disability)',
  backFromAbroad: 'Về nước sau lao động ở nước ngoài (back from abroad)',
  demobilised: 'Xuất ngũ (demobilised)',
  youth: 'Thanh niên ưu tiên (youth priority)',
  female: 'Nữ (women)',
  'youth-15-24': 'Thanh niên 15–24 (youth 15–24)',
  'youth-15-29': 'Thanh niên 15–29 (youth 15–29)',
};

const COLUMNS: readonly Column<ExposureRow>[] = [
  { header: 'Nhóm (group)', value: (r) => GROUP_NAMES[r.group] ?? r.group },
  { header: 'Tỷ trọng người tìm việc (job seeker share)', value: (r) => r.jobSeekerShare },
  { header: 'Số đề xuất (matches)', value: (r) => r.matches },
  { header: 'Tỷ trọng đề xuất (match share)', value: (r) => r.matchShare },
  { header: 'Hệ số tiếp cận đề xuất (match exposure ratio)', value: (r) => r.matchExposureRatio },
  { header: 'Số được tuyển (placements)', value: (r) => r.placements },
  { header: 'Tỷ trọng được tuyển (placement share)', value: (r) => r.placementShare },
  { header: 'Hệ số tiếp cận tuyển dụng (placement exposure ratio)', value: (r) => r.placementExposureRatio },
];

const SKILL_COLUMNS: readonly Column<SkillNeed>[] = [
  { header: 'Kỹ năng (skill)', value: (r) => r.skill },
  { header: 'Vị trí cần (positions asking)', value: (r) => r.demand },
  { header: 'Người tìm việc có (job seekers having)', value: (r) => r.supply },
  { header: 'Thiếu hụt (gap)', value: (r) => r.gap },
  { header: 'Chỉ số thiếu hụt (shortage index)', value: (r) => r.shortageIndex },
];

/** The exposure audit (who the matches and hires reach) and the training needs (skills demanded, not supplied). */
export async function exposureRoutes(app: ServiceApp): Promise<void> {
  app.get(
    '/v1/exposure',
    {
      onRequest: requireRole('analyst', 'admin'),
      schema: {
        summary: "Share of matches and hires reaching each priority group, against the group's share of job seekers (JSON, CSV or XLSX)",
        tags: ['exposure'],
        querystring: z.strictObject({ area: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/).optional(), period: periodParam, format: formatParam }),
      },
    },
    async (request, reply) => {
      const { area, period, format } = request.query;
      const { projections, areas, now } = app.analytics;
      const report = exposureOf(projections, { areas, asOfDay: vietnamDayOf(now()), ...(area === undefined ? {} : { area }), ...(period === undefined ? {} : { period }) });
      const as = formatOf(format, request.headers.accept);
      if (as !== 'json') return sendFile(reply, as, 'exposure', COLUMNS, report.groups);
      return reply.send({ computedAt: now().toISOString(), area: area ?? null, period: period ?? null, ...report });
    },
  );
  app.get(
    '/v1/training-needs',
    {
      onRequest: requireRole('analyst', 'admin'),
      schema: {
        summary: 'Skills most demanded by open positions and least supplied by job seekers (JSON, CSV or XLSX)',
        tags: ['exposure'],
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50), format: formatParam }),
      },
    },
    async (request, reply) => {
      const { limit, format } = request.query;
      const { projections, now } = app.analytics;
      const items = trainingNeeds(projections.workers.values(), projections.vacancies.values(), limit);
      const as = formatOf(format, request.headers.accept);
      if (as !== 'json') return sendFile(reply, as, 'training-needs', SKILL_COLUMNS, items);
      return reply.send({ computedAt: now().toISOString(), items });
    },
  );
  app.get(
    '/v1/activity',
    {
      onRequest: requireRole('analyst', 'admin'),
      schema: {
        summary: 'Registrations, vacancies and positions opened, matches proposed, hires, notifications by channel, and active employers (FDI), in a period',
        tags: ['exposure'],
        querystring: z.strictObject({ period: periodParam }),
      },
    },
    async (request) => {
      const { projections, now } = app.analytics;
      const registrationDays = [...projections.registeredOn].map(([day, ids]): [string, number] => [day, ids.size]);
      const activity = computeActivity(
        {
          registrationDays,
          vacancies: projections.vacancies.values(),
          matches: projections.matches.values(),
          placements: projections.placements.values(),
          notifications: projections.notifications.values(),
          employers: projections.employers.values(),
        },
        request.query.period,
      );
      return { computedAt: now().toISOString(), ...activity };
    },
  );
}
