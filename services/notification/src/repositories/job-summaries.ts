import type { EmployerSnapshot, VacancySnapshot } from '@ketnoi/contracts';
import { insertNew } from '@ketnoi/service-kit';
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

  /**
   * Applies vacancy versions in order, each true when newer than the stored
   * one (or an earlier one of the list): one read of the stored versions, one
   * insert of the vacancies not stored yet (most: `vacancy.opened`), and one
   * bulk replace of the others. One by one, a vacancy cost a read and a
   * replace (FerretDB: a query and a write) each.
   */
  async applyVacancies(vacancies: readonly VacancySnapshot[]): Promise<boolean[]> {
    const ids = [...new Set(vacancies.map((v) => v.vacancyId))];
    const stored = await this.vacancies.find({ _id: { $in: ids } }).select({ version: 1 }).lean<{ _id: string; version: number }[]>();
    const versions = new Map(stored.map((doc) => [doc._id, doc.version]));
    const newest = new Map<string, VacancySnapshot>();
    const applied = vacancies.map((vacancy) => {
      if ((versions.get(vacancy.vacancyId) ?? Number.NEGATIVE_INFINITY) >= vacancy.version) return false;
      versions.set(vacancy.vacancyId, vacancy.version);
      newest.set(vacancy.vacancyId, vacancy);
      return true;
    });
    const existing = new Set(stored.map((doc) => doc._id));
    const fresh = [...newest.values()].filter((v) => !existing.has(v.vacancyId)).map((v) => this.vacancyDoc(v));
    // One inserted meanwhile (another instance during a rebalance) is replaced, as one by one.
    const replaced = [...(await insertNew(this.vacancies.collection, fresh))].concat([...newest.values()].filter((v) => existing.has(v.vacancyId)).map((v) => this.vacancyDoc(v)));
    if (replaced.length > 0) {
      await this.vacancies.bulkWrite(
        replaced.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })),
        { ordered: false },
      );
    }
    return applied;
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
   * job as a message describes it where its employer is known too. `alongside`
   * runs with the employers' read, on the owners found (the match batch reads
   * the employers' webhook subscriptions then: one round trip less in a row).
   */
  async describeMany<T>(
    vacancyIds: readonly string[],
    alongside: (employerIds: string[]) => Promise<T>,
  ): Promise<{ employerOf: Map<string, string>; jobs: Map<string, JobSummary>; alongside: T }> {
    const vacancies = await this.vacancies.find({ _id: { $in: [...new Set(vacancyIds)] } }).lean<VacancyDoc[]>();
    const employerIds = [...new Set(vacancies.map((v) => v.employerId))];
    const [employers, also] = await Promise.all([
      employerIds.length === 0 ? [] : this.employers.find({ _id: { $in: employerIds } }).lean<EmployerDoc[]>(),
      alongside(employerIds),
    ]);
    const byId = new Map(employers.map((e) => [e._id, e]));
    const jobs = new Map<string, JobSummary>();
    for (const vacancy of vacancies) {
      const employer = byId.get(vacancy.employerId);
      if (employer) jobs.set(vacancy._id, summaryOf(vacancy, employer));
    }
    return { employerOf: new Map(vacancies.map((v) => [v._id, v.employerId])), jobs, alongside: also };
  }
}
