import type { EmployerSnapshot, VacancySnapshot } from '@ketnoi/contracts';
import { Schema, type Connection, type Model } from 'mongoose';
import type { JobSummary } from '../domain/types.js';
import { applyNewest } from './apply-newest.js';

interface VacancyDoc extends Omit<JobSummary, 'vacancyId' | 'employerName'> {
  _id: string;
  version: number;
  employerId: string;
  status: string;
}

interface EmployerDoc {
  _id: string;
  version: number;
  name: string;
}

const vacancySchema = new Schema<VacancyDoc>(
  {
    _id: String,
    version: Number,
    employerId: String,
    status: String,
    title: String,
    wageMinVnd: Number,
    wageMaxVnd: Number,
    wagePeriod: String,
    communeCode: String,
    placeName: String,
    placeKind: String,
    deadline: String,
  },
  { versionKey: false },
);
const employerSchema = new Schema<EmployerDoc>({ _id: String, version: Number, name: String }, { versionKey: false });

function summaryOf(vacancy: VacancyDoc, employer: EmployerDoc): JobSummary {
  const { _id, version: _version, employerId: _employerId, status: _status, ...summary } = vacancy;
  return { ...summary, vacancyId: _id, employerName: employer.name };
}

/** Vacancies as read by `vacanciesOf`. */
export interface StoredVacancies {
  docs: readonly VacancyDoc[];
  /** vacancyId → employerId. */
  employerOf: ReadonlyMap<string, string>;
}

export type PlaceLookup = (communeCode: string) => { name: string; kind: 'ward' | 'commune' } | undefined;

/** Vacancy and employer summaries (projections of vacancies.v1 and employers.v1), enough to describe a job. */
export class JobSummaries {
  readonly vacancies: Model<VacancyDoc>;
  readonly employers: Model<EmployerDoc>;

  constructor(
    connection: Connection,
    private readonly place: PlaceLookup,
  ) {
    this.vacancies = connection.model<VacancyDoc>('VacancySummary', vacancySchema, 'vacancies');
    this.employers = connection.model<EmployerDoc>('EmployerSummary', employerSchema, 'employers');
  }

  /** Applies vacancy versions in order, each true when newer than the stored one (or an earlier one of the list): see `applyNewest`. */
  applyVacancies(vacancies: readonly VacancySnapshot[]): Promise<boolean[]> {
    return applyNewest(this.vacancies, vacancies.map((v) => ({ id: v.vacancyId, version: v.version, vacancy: v })), ({ vacancy }) => this.vacancyDoc(vacancy));
  }

  private vacancyDoc(vacancy: VacancySnapshot): VacancyDoc {
    const { terms } = vacancy;
    const place = this.place(terms.communeCode);
    // Written through the driver, which would store an undefined field as null.
    const placeFields = place ? { placeName: place.name, placeKind: place.kind } : {};
    return {
      _id: vacancy.vacancyId,
      version: vacancy.version,
      employerId: vacancy.employerId,
      status: vacancy.status,
      title: terms.title,
      wageMinVnd: terms.wageMinVnd,
      wageMaxVnd: terms.wageMaxVnd,
      wagePeriod: terms.wagePeriod,
      communeCode: terms.communeCode,
      ...placeFields,
      deadline: terms.deadline,
    };
  }

  /** Applies employer versions in order, each true when newer than the stored one (or an earlier one of the list): see `applyNewest`. */
  applyEmployers(employers: readonly EmployerSnapshot[]): Promise<boolean[]> {
    return applyNewest(this.employers, employers.map((e) => ({ id: e.employerId, version: e.version, name: e.name })), ({ id, version, name }) => ({ _id: id, version, name }));
  }

  /** The job as a message describes it; null while the vacancy or its employer is not yet known. */
  async describe(vacancyId: string): Promise<JobSummary | null> {
    const vacancy = await this.vacancies.findById(vacancyId).lean<VacancyDoc>();
    if (!vacancy) return null;
    const employer = await this.employers.findById(vacancy.employerId).lean<EmployerDoc>();
    return employer ? summaryOf(vacancy, employer) : null;
  }

  /** The stored ones of these vacancies (one read), to describe with `jobsOf`; `employerOf` says who owns each. */
  async vacanciesOf(vacancyIds: readonly string[]): Promise<StoredVacancies> {
    const docs = await this.vacancies.find({ _id: { $in: [...new Set(vacancyIds)] } }).lean<VacancyDoc[]>();
    return { docs, employerOf: new Map(docs.map((v) => [v._id, v.employerId])) };
  }

  /** These vacancies as a message describes them, where their employer is known too (one read of the employers). */
  async jobsOf({ docs, employerOf }: StoredVacancies): Promise<Map<string, JobSummary>> {
    const employerIds = [...new Set(employerOf.values())];
    const employers = employerIds.length === 0 ? [] : await this.employers.find({ _id: { $in: employerIds } }).lean<EmployerDoc[]>();
    const byId = new Map(employers.map((e) => [e._id, e]));
    const jobs = new Map<string, JobSummary>();
    for (const vacancy of docs) {
      const employer = byId.get(vacancy.employerId);
      if (employer) jobs.set(vacancy._id, summaryOf(vacancy, employer));
    }
    return jobs;
  }
}
