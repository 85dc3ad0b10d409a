import type { EmployerSnapshot, VacancySnapshot } from '@ketnoi/contracts';
import { Schema, type Connection, type Model } from 'mongoose';
import type { JobSummary } from '../domain/types.js';

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

  /** Applies a vacancy version; false when not newer than the stored one. */
  async applyVacancy(vacancy: VacancySnapshot): Promise<boolean> {
    const stored = await this.vacancies.findById(vacancy.vacancyId).select({ version: 1 }).lean<{ version: number }>();
    if (stored && stored.version >= vacancy.version) return false;
    const { terms } = vacancy;
    const place = this.place(terms.communeCode);
    await this.vacancies.replaceOne(
      { _id: vacancy.vacancyId },
      {
        version: vacancy.version,
        employerId: vacancy.employerId,
        status: vacancy.status,
        title: terms.title,
        wageMinVnd: terms.wageMinVnd,
        wageMaxVnd: terms.wageMaxVnd,
        wagePeriod: terms.wagePeriod,
        communeCode: terms.communeCode,
        placeName: place?.name,
        placeKind: place?.kind,
        deadline: terms.deadline,
      },
      { upsert: true },
    );
    return true;
  }

  async applyEmployer(employer: EmployerSnapshot): Promise<boolean> {
    const stored = await this.employers.findById(employer.employerId).select({ version: 1 }).lean<{ version: number }>();
    if (stored && stored.version >= employer.version) return false;
    await this.employers.replaceOne({ _id: employer.employerId }, { version: employer.version, name: employer.name }, { upsert: true });
    return true;
  }

  /** The job as a message describes it; null while the vacancy or its employer is not yet known. */
  async describe(vacancyId: string): Promise<JobSummary | null> {
    const vacancy = await this.vacancies.findById(vacancyId).lean<VacancyDoc>();
    if (!vacancy) return null;
    const employer = await this.employers.findById(vacancy.employerId).lean<EmployerDoc>();
    return employer ? summaryOf(vacancy, employer) : null;
  }

  /**
   * For several vacancies in two reads: who owns each known vacancy, and the
   * job as a message describes it where its employer is known too.
   */
  async describeMany(vacancyIds: readonly string[]): Promise<{ employerOf: Map<string, string>; jobs: Map<string, JobSummary> }> {
    const vacancies = await this.vacancies.find({ _id: { $in: [...new Set(vacancyIds)] } }).lean<VacancyDoc[]>();
    const employerIds = [...new Set(vacancies.map((v) => v.employerId))];
    const employers = employerIds.length === 0 ? [] : await this.employers.find({ _id: { $in: employerIds } }).lean<EmployerDoc[]>();
    const byId = new Map(employers.map((e) => [e._id, e]));
    const jobs = new Map<string, JobSummary>();
    for (const vacancy of vacancies) {
      const employer = byId.get(vacancy.employerId);
      if (employer) jobs.set(vacancy._id, summaryOf(vacancy, employer));
    }
    return { employerOf: new Map(vacancies.map((v) => [v._id, v.employerId])), jobs };
  }
}
