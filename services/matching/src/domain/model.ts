/**
 * A worker as the scorer sees it: canonical numbers and dense ids only, so
 * the compact index can hold it in typed arrays and hand it back unchanged.
 */
export interface MatchWorker {
  id: string;
  /** WORKER_FLAGS bits. */
  flags: number;
  /** year * 12 + month - 1 */
  birthMonth: number;
  place: number;
  qualification: number;
  experienceTenths: number;
  /** Thousands of VND a month; 0 when not given. */
  expectedWageK: number;
  /** Tenths of a km; NO_LIMIT when not given. */
  maxCommuteTenths: number;
  /** PRIORITY_GROUPS bits. */
  priority: number;
  /**
   * The worker's ids, from `at`: occupations, then skills, then certificates,
   * then languages (language * 256 + level, 0: no level). The index points
   * every worker into one shared pool; a lone worker has its own.
   */
  lists: Uint16Array;
  at: number;
  nOccupations: number;
  nSkills: number;
  nCertificates: number;
  nLanguages: number;
}

/** [from, to) of the worker's skills in `lists`. */
export const skillsOf = (w: MatchWorker): [number, number] => {
  const from = w.at + w.nOccupations;
  return [from, from + w.nSkills];
};

export const WORKER_FLAGS = { looking: 1, consent: 2, placed: 4, relocate: 8 } as const;
export const NO_LIMIT = 0xffff;

/** A vacancy as the scorer sees it (vacancies are ~10× fewer than workers, so plain objects of typed arrays). */
export interface MatchVacancy {
  id: string;
  employerId: string;
  open: boolean;
  occupation: number;
  place: number;
  skills: Int32Array;
  /** Each skill's share of the skills factor, normalised to add up to 1 at compile time. */
  skillWeights: Float64Array;
  mustHave: Int32Array;
  certificates: Int32Array;
  minQualification: number;
  requiredLanguages: Int32Array;
  preferredLanguages: Int32Array;
  /** Thousands of VND a month (hourly wages converted). */
  wageMinK: number;
  wageMaxK: number;
  /** 0 when not given. */
  minAge: number;
  maxAge: number;
  closedToMinors: boolean;
  welcomed: number;
  minExperienceTenths: number;
  housing: boolean;
}

export const languageKey = (language: number, level: number): number => language * 256 + level;
