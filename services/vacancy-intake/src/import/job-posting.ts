import { htmlToText } from './html-text.js';
import { rowError, type MappedRow, type RowError } from './row-error.js';

/** What the mapping may look up: a commune by its name, a park's commune. */
export interface PlaceLookup {
  communeByName(name: string): string | undefined;
  parkCommune(code: string): string | undefined;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined);

const typesOf = (node: Json) => list(node['@type']).map(String);
export const isJobPosting = (node: unknown): node is Json => isObject(node) && typesOf(node).some((t) => t === 'JobPosting' || t.endsWith('/JobPosting'));

/** The JobPostings in a JSON-LD document: one object, an array, or an @graph. */
export function jobPostingsIn(document: unknown): Json[] {
  if (Array.isArray(document)) return document.flatMap(jobPostingsIn);
  if (!isObject(document)) return [];
  if (Array.isArray(document['@graph'])) return jobPostingsIn(document['@graph']);
  return isJobPosting(document) ? [document] : [];
}

const QUALIFICATIONS: [RegExp, string][] = [
  [/postgraduate|master|doctor|thạc sĩ|tiến sĩ/i, 'postgraduate'],
  [/bachelor|university|đại học/i, 'university'],
  [/associate|college|cao đẳng/i, 'college'],
  [/intermediate|vocational|trung cấp/i, 'intermediate'],
  [/professional certificate|certificate|sơ cấp/i, 'elementary'],
  [/high school|no requirements|none|trung học/i, 'none'],
];

function occupationCode(value: unknown, errors: RowError[]): string | undefined {
  const node = first(value);
  const code = isObject(node) ? str(node.codeValue) : str(node);
  const codeSet = isObject(node) ? str(node.inCodeSet) ?? '' : '';
  if (/o\*?net|soc/i.test(codeSet)) {
    errors.push(rowError('occupationalCategory', 'CODE_SET_UNSUPPORTED', 'give an ISCO-08 (VSCO) code, not O*NET/SOC'));
    return undefined;
  }
  const digits = code === undefined ? undefined : /^\s*(\d{1,4})\b/.exec(code)?.[1];
  if (digits === undefined) errors.push(rowError('occupationalCategory', 'OCCUPATION_MISSING', 'an ISCO-08 code (e.g. "8212") is required'));
  return digits;
}

function wage(value: unknown, errors: RowError[]) {
  const amount = first(value);
  if (!isObject(amount)) {
    errors.push(rowError('baseSalary', 'WAGE_MISSING', 'a baseSalary MonetaryAmount in VND is required'));
    return {};
  }
  if ((str(amount.currency) ?? 'VND').toUpperCase() !== 'VND') errors.push(rowError('baseSalary.currency', 'CURRENCY_UNSUPPORTED', 'wages are in VND'));
  const quantity = isObject(amount.value) ? amount.value : { value: amount.value };
  const unit = (str(quantity.unitText) ?? 'MONTH').toUpperCase();
  if (unit !== 'MONTH' && unit !== 'HOUR') errors.push(rowError('baseSalary.value.unitText', 'WAGE_UNIT_UNSUPPORTED', 'give the wage per MONTH or per HOUR'));
  const min = num(quantity.minValue) ?? num(quantity.value);
  const max = num(quantity.maxValue) ?? num(quantity.value) ?? min;
  return { wageMinVnd: min, wageMaxVnd: max, wagePeriod: unit === 'HOUR' ? 'hour' : 'month' };
}

function workplace(value: unknown, places: PlaceLookup, errors: RowError[]) {
  const place = first(value);
  const address = isObject(place) ? first(place.address) : undefined;
  const identifier = (isObject(place) && str(place.identifier)) || (isObject(address) && str(address.identifier)) || undefined;
  if (identifier !== undefined && /^\d{5}$/.test(identifier)) return { communeCode: identifier };
  if (identifier !== undefined) {
    const commune = places.parkCommune(identifier);
    if (commune !== undefined) return { communeCode: commune, industrialParkCode: identifier };
  }
  const locality = isObject(address) ? str(address.addressLocality) : undefined;
  const byName = locality === undefined ? undefined : places.communeByName(locality);
  if (byName !== undefined) return { communeCode: byName };
  errors.push(rowError('jobLocation', 'WORKPLACE_UNKNOWN', 'give jobLocation.identifier (commune code or industrial park code) or an addressLocality naming a commune'));
  return {};
}

function shiftsAndContract(node: Json) {
  const types = list(node.employmentType).map((t) => String(t).toUpperCase());
  const hours = str(node.workHours) ?? '';
  const shifts = new Set<string>();
  if (/đêm|night/i.test(hours)) shifts.add('night');
  if (/ca xoay|xoay ca|rotating|[23] ca|shifts/i.test(hours)) shifts.add('rotating');
  if (types.includes('PART_TIME')) shifts.add('part-time');
  if (shifts.size === 0) shifts.add('day');
  const contractType = types.includes('INTERN') ? 'apprenticeship' : types.includes('CONTRACTOR') || types.includes('PER_DIEM') ? 'casual' : undefined;
  return { shifts: [...shifts], ...(contractType ? { contractType } : {}) };
}

const skillCodes = (value: unknown, errors: RowError[]) =>
  list(value).flatMap((item) => {
    const code = isObject(item) ? str(item.termCode) : str(item);
    if (code !== undefined && /^[a-z0-9][a-z0-9._-]{0,63}$/.test(code)) return [{ code, mustHave: true, weight: 1 }];
    errors.push(rowError('skills', 'SKILL_NOT_CODED', `"${code ?? JSON.stringify(item)}" is not a skill code: give DefinedTerm termCode values of the KetNoi taxonomy`));
    return [];
  });

const dateIn = (value: unknown): string | undefined => {
  const text = str(value);
  if (text === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const instant = Date.parse(text);
  // The date in Vietnam at that instant (validThrough is usually a time with an offset).
  return Number.isNaN(instant) ? text : new Date(instant + 7 * 3600_000).toISOString().slice(0, 10);
};

/** A schema.org JobPosting (JSON-LD) as vacancy terms, with what could not be mapped. */
export function mapJobPosting(row: number, node: Json, places: PlaceLookup): MappedRow {
  const errors: RowError[] = [];
  const benefits = [str(node.jobBenefits), str(node.incentiveCompensation)].filter(Boolean).join(' ');
  const education = first(node.educationRequirements);
  const educationText = isObject(education) ? str(education.credentialCategory) : str(education);
  const experience = first(node.experienceRequirements);
  const months = isObject(experience) ? num(experience.monthsOfExperience) : undefined;
  const description = str(node.description);
  const terms = Object.fromEntries(
    Object.entries({
      title: str(node.title) === undefined ? undefined : htmlToText(str(node.title)!),
      description: description === undefined ? undefined : htmlToText(description),
      occupationCode: occupationCode(node.occupationalCategory, errors),
      positions: num(node.totalJobOpenings) ?? 1,
      skills: skillCodes(node.skills, errors),
      certificates: [],
      minQualification: QUALIFICATIONS.find(([pattern]) => pattern.test(educationText ?? ''))?.[1] ?? 'none',
      languages: [],
      ...workplace(node.jobLocation, places, errors),
      ...wage(node.baseSalary, errors),
      ...shiftsAndContract(node),
      startDate: dateIn(node.jobStartDate),
      deadline: dateIn(node.validThrough),
      housingOffered: /nhà ở|ký túc xá|chỗ ở|housing|dormitor|accommodation/i.test(benefits),
      shuttleOffered: /đưa đón|shuttle|bus/i.test(benefits),
      minExperienceYears: months === undefined ? 0 : Math.round((months / 12) * 10) / 10,
    }).filter(([, v]) => v !== undefined),
  );
  if (terms.deadline === undefined) errors.push(rowError('validThrough', 'DEADLINE_MISSING', 'validThrough (the application deadline) is required'));
  const identifier = first(node.identifier);
  const externalRef = isObject(identifier) ? str(identifier.value) : str(identifier);
  const organisation = first(node.hiringOrganization);
  const taxId = isObject(organisation) ? str(organisation.taxID) : undefined;
  return { row, terms, errors, ...(externalRef ? { externalRef } : {}), ...(taxId ? { employerTaxCode: taxId } : {}) };
}
