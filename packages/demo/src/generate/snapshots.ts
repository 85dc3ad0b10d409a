import { vacancyTerms, type VacancySnapshot, type WorkerSnapshot } from '@ketnoi/contracts';
import { commune } from '@ketnoi/reference-data';
import type { DemoEmployer } from './employers.js';
import type { DemoVacancy } from './vacancies.js';
import type { DemoWorker } from './workers.js';

export interface SnapshotOptions {
  /** YYYY-MM-DD: the day ages and experience are reckoned on. */
  today: string;
  /** ISO time of registration or opening (default: `today` at 08:00 in Vietnam). */
  at?: string;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const KINH = '01';

const ageOn = (dateOfBirth: string, day: string): number => {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

/**
 * What matching and analytics would receive for a demo worker registered
 * once (version 1), projected as registration projects it: no name, contact,
 * citizen-ID, birth date or ethnicity. For benchmarks that skip the services.
 */
export function toWorkerSnapshot(worker: DemoWorker, options: SnapshotOptions): WorkerSnapshot {
  const p = worker.profile;
  const age = ageOn(p.dateOfBirth, options.today);
  const experience = p.workHistory.reduce((sum, job) => sum + (Date.parse(job.to ?? options.today) - Date.parse(job.from)) / YEAR_MS, 0);
  const district = commune(p.address.communeCode)?.former_district_codes[0];
  return {
    workerId: `demo-w-${String(worker.index).padStart(8, '0')}`,
    version: 1,
    status: p.employmentStatus === 'not-looking' ? 'not-looking' : 'looking',
    employmentStatus: p.employmentStatus,
    consentToMatching: p.consents.matching,
    birthMonth: p.dateOfBirth.slice(0, 7),
    gender: p.gender,
    communeCode: p.address.communeCode,
    ...(district === undefined ? {} : { formerDistrictCode: district }),
    desiredOccupations: p.desiredOccupations,
    skills: p.skills,
    certificates: p.certificates.map((c) => c.code),
    qualification: p.qualification,
    ...(p.qualificationField === undefined ? {} : { qualificationField: p.qualificationField }),
    languages: p.languages,
    experienceYears: Math.min(60, Math.max(0, Math.round(experience * 10) / 10)),
    ...(p.expectedWageVnd === undefined ? {} : { expectedWageVnd: p.expectedWageVnd }),
    ...(p.maxCommuteKm === undefined ? {} : { maxCommuteKm: p.maxCommuteKm }),
    willingToRelocate: p.willingToRelocate,
    shifts: p.shifts,
    priority: {
      poorHousehold: p.householdStatus === 'poor',
      nearPoorHousehold: p.householdStatus === 'near-poor',
      recentlyOutOfPoverty: p.householdStatus === 'recently-out-of-poverty',
      ethnicMinority: p.ethnicity !== KINH,
      disability: p.disability,
      backFromAbroad: p.workAbroad !== undefined,
      demobilised: p.demobilised !== undefined,
      // Law on Youth 2020: 16 to 30.
      youth: age >= 16 && age <= 30,
    },
    registeredAt: options.at ?? `${options.today}T08:00:00.000+07:00`,
  };
}

/** What matching would receive for a demo vacancy just opened by its employer (version 1, open). */
export function toVacancySnapshot(vacancy: DemoVacancy, employer: DemoEmployer, options: SnapshotOptions): VacancySnapshot {
  if (employer.index !== vacancy.employerIndex) throw new Error(`vacancy ${vacancy.index} belongs to employer ${vacancy.employerIndex}, not ${employer.index}`);
  const at = options.at ?? `${options.today}T08:00:00.000+07:00`;
  return {
    vacancyId: `demo-v-${String(vacancy.index).padStart(8, '0')}`,
    version: 1,
    employerId: `demo-e-${String(employer.index).padStart(6, '0')}`,
    status: 'open',
    positionsFilled: 0,
    fdi: employer.body.fdi,
    vsicSector: employer.body.vsicSector,
    terms: vacancyTerms.parse(vacancy.terms),
    openedAt: at,
    updatedAt: at,
  };
}
