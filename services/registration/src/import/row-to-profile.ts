import { workerProfile, type WorkerProfile } from '@ketnoi/contracts';
import type { ReferenceLookup } from '../domain/reference-lookup.js';
import * as value from './cell-values.js';
import type { WorkerColumn } from './worker-columns.js';

export interface RowIssue {
  field: string;
  message: string;
}

type Cells = Partial<Record<WorkerColumn, string>>;

/** Reads a cell with a parser; an unreadable value becomes an issue naming the column. */
function reader(cells: Cells, issues: RowIssue[]) {
  return <T>(column: WorkerColumn, parse: (text: string) => T | undefined, what: string): T | undefined => {
    const text = cells[column];
    if (text === undefined) return undefined;
    const parsed = parse(text);
    if (parsed === undefined) issues.push({ field: column, message: `is not ${what}` });
    return parsed;
  };
}

const skillsOf = (text: string) =>
  value.list(text).map((item) => {
    const [code, level] = item.split(':');
    return { code: code!.trim(), level: level ? Number(level) : 3 };
  });

const languagesOf = (text: string) =>
  value.list(text).map((item) => {
    const [code, level] = item.split(':');
    return { code: code!.trim().toLowerCase(), ...(level ? { level: level.trim() } : {}) };
  });

/**
 * One spreadsheet row → a worker profile, or the reasons it cannot be one.
 * Unreadable cells are reported by column; the profile is then checked by
 * the same schema as the HTTP API and ingest.
 */
export function rowToProfile(cells: Cells, refs: ReferenceLookup): { ok: true; profile: WorkerProfile } | { ok: false; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const read = reader(cells, issues);
  const phone = cells.phone;
  const email = cells.email;
  const ethnicity = cells.ethnicity && /^\d{1,2}$/.test(cells.ethnicity) ? cells.ethnicity.padStart(2, '0') : read('ethnicity', (t) => refs.ethnicGroupNamed(t), 'one of the 54 ethnic groups');
  const communeCode = cells.communeCode ?? read('commune', (t) => refs.communeNamed(t), 'a commune or ward of the province');
  const abroadCountry = cells.abroadCountry?.toUpperCase();
  const demobilisedOn = read('demobilisedOn', value.isoDay, 'a date');
  const experienceFrom = read('experienceFrom', value.isoDay, 'a date');
  const consent = (column: WorkerColumn) => read(column, value.yesNo, 'yes (có) or no (không)') ?? false;
  const candidate = {
    fullName: cells.fullName,
    citizenId: cells.citizenId?.replace(/\s/g, ''),
    dateOfBirth: read('dateOfBirth', value.isoDay, 'a date (dd/mm/yyyy)'),
    gender: read('gender', value.gender, 'Nam, Nữ or Khác'),
    ethnicity,
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    address: { communeCode, ...(cells.addressDetail ? { detail: cells.addressDetail } : {}) },
    householdStatus: read('householdStatus', value.householdStatus, 'nghèo, cận nghèo, mới thoát nghèo or không') ?? 'none',
    disability: read('disability', value.yesNo, 'yes (có) or no (không)') ?? false,
    ...(abroadCountry
      ? {
          workAbroad: {
            country: abroadCountry,
            years: read('abroadYears', (t) => (Number.isFinite(Number(t)) ? Number(t) : undefined), 'a number') ?? 0,
            programme: read('abroadProgramme', value.programme, 'a known programme') ?? 'other',
          },
        }
      : {}),
    ...(demobilisedOn ? { demobilised: { service: read('demobilisedService', value.service, 'quân đội, công an or thanh niên xung phong') ?? 'military', date: demobilisedOn } } : {}),
    generalEducation: read('generalEducation', value.generalEducation, 'a general-education level') ?? 'upper-secondary',
    qualification: read('qualification', value.qualification, 'a qualification level') ?? 'none',
    certificates: value.list(cells.certificates ?? '').map((code) => ({ code })),
    skills: skillsOf(cells.skills ?? ''),
    languages: languagesOf(cells.languages ?? ''),
    desiredOccupations: value.list(cells.desiredOccupations ?? ''),
    workHistory: experienceFrom ? [{ from: experienceFrom }] : [],
    ...(cells.expectedWageVnd ? { expectedWageVnd: read('expectedWageVnd', value.amount, 'an amount in VND') } : {}),
    ...(cells.maxCommuteKm ? { maxCommuteKm: read('maxCommuteKm', (t) => (Number.isFinite(Number(t)) ? Number(t) : undefined), 'a number of km') } : {}),
    willingToRelocate: read('willingToRelocate', value.yesNo, 'yes (có) or no (không)') ?? false,
    shifts: value.list(cells.shifts ?? 'ca ngày').map((s) => value.shift(s) ?? s),
    employmentStatus: read('employmentStatus', value.employmentStatus, 'an employment status') ?? 'unemployed',
    unemploymentInsurance: read('unemploymentInsurance', value.yesNo, 'yes (có) or no (không)') ?? false,
    socialInsurance: read('socialInsurance', value.yesNo, 'yes (có) or no (không)') ?? false,
    preferredLanguage: cells.preferredLanguage?.toLowerCase().startsWith('en') ? 'en' : 'vi',
    notificationChannels: { sms: Boolean(phone), email: Boolean(email), inApp: true },
    consents: {
      matching: consent('consentMatching'),
      notifications: consent('consentNotifications'),
      shareProfile: consent('consentShareProfile'),
      channel: 'paper',
    },
  };
  if (issues.length > 0) return { ok: false, issues };
  const parsed = workerProfile.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(row)', message: issue.message })) };
  }
  return { ok: true, profile: parsed.data };
}
