import { bandOf } from './traits.js';
import type { VacancyProjection, WorkerProjection } from './projections.js';

export const AREA_LEVELS = ['province', 'former-district', 'commune'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];
/** ISCO-08 levels by the number of digits: major 1, sub-major 2, unit group 4. */
export const OCCUPATION_LEVELS = ['major', 'sub-major', 'unit'] as const;
export type OccupationLevel = (typeof OCCUPATION_LEVELS)[number];
const DIGITS: Record<OccupationLevel, number> = { major: 1, 'sub-major': 2, unit: 4 };

/** Dimensions a report can group by besides area and occupation. */
export const EXTRA_DIMENSIONS = ['sector', 'fdi', 'qualification', 'gender', 'ageBand', 'priority'] as const;
export type ExtraDimension = (typeof EXTRA_DIMENSIONS)[number];
/** Which side knows a dimension: supply (workers), demand (vacancies) or both. */
export const SIDES: Record<ExtraDimension, { supply: boolean; demand: boolean }> = {
  sector: { supply: false, demand: true },
  fdi: { supply: false, demand: true },
  qualification: { supply: true, demand: true },
  gender: { supply: true, demand: false },
  ageBand: { supply: true, demand: false },
  priority: { supply: true, demand: false },
};

/** The ISCO-08 code at a level; undefined when the code is coarser than the level (a worker wanting "7" has no unit group). */
export const occupationAt = (code: string, level: OccupationLevel): string | undefined =>
  code.length >= DIGITS[level] ? code.slice(0, DIGITS[level]) : undefined;

/** Where a place is at a level: the province's code, the former district (3 digits) or the commune. */
export interface AreaResolver {
  provinceCode: string;
  /** The former district of a commune (the first, when the 2025 merger took parts of several); undefined when unknown. */
  formerDistrictOf: (communeCode: string) => string | undefined;
}

export function areaAt(level: AreaLevel, communeCode: string, resolver: AreaResolver, formerDistrictCode?: string): string {
  if (level === 'province') return resolver.provinceCode;
  if (level === 'commune') return communeCode;
  return formerDistrictCode ?? resolver.formerDistrictOf(communeCode) ?? 'unknown';
}

/** Whether a place is, or lies in, the area code asked for (province, former district or commune). */
export const inArea = (code: string, communeCode: string, resolver: AreaResolver, formerDistrictCode?: string): boolean =>
  code === resolver.provinceCode || code === communeCode || code === (formerDistrictCode ?? resolver.formerDistrictOf(communeCode));

/** The values of a worker for an extra dimension (priority: every group they are in, or "none"). */
export function workerValues(worker: WorkerProjection, dimension: ExtraDimension, day: string): string[] {
  switch (dimension) {
    case 'qualification':
      return [worker.qualification];
    case 'gender':
      return [worker.gender];
    case 'ageBand':
      return [bandOf(worker, day)];
    case 'priority': {
      const groups = Object.entries(worker.priority)
        .filter(([, member]) => member)
        .map(([group]) => group);
      return groups.length === 0 ? ['none'] : groups;
    }
    default:
      return [];
  }
}

/** The value of a vacancy for an extra dimension (sector: the VSIC section letter). */
export function vacancyValue(vacancy: VacancyProjection, dimension: ExtraDimension): string | undefined {
  switch (dimension) {
    case 'sector':
      return vacancy.vsicSector.slice(0, 1);
    case 'fdi':
      return vacancy.fdi ? 'fdi' : 'domestic';
    case 'qualification':
      return vacancy.minQualification;
    default:
      return undefined;
  }
}
