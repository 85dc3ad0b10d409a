import { type AreaResolver, inArea } from '../domain/dimensions.js';
import { computeExposure } from '../domain/exposure.js';
import { vietnamDayOf } from '../domain/local-day.js';
import { dayIn } from '../domain/periods.js';
import type { MatchProjection, PlacementProjection } from '../domain/projections.js';
import { traitsOf } from '../domain/traits.js';
import type { Projections } from './projections.js';

export interface ExposureOptions {
  areas: AreaResolver;
  asOfDay: string;
  /** Only matches and hires of vacancies in this area (province, former district or commune code). */
  area?: string;
  /** Only matches proposed and hires made in this period. */
  period?: string;
}

/** The exposure audit over the projections: traits at the match's or hire's day, frozen ones for erased workers. */
export function exposureOf(projections: Projections, options: ExposureOptions) {
  const kept = (vacancyId: string, at: string): boolean => {
    const vacancy = projections.vacancies.get(vacancyId);
    if (options.area !== undefined && !(vacancy && inArea(options.area, vacancy.communeCode, options.areas))) return false;
    return options.period === undefined || dayIn(vietnamDayOf(new Date(at)), options.period);
  };
  const traits = (item: MatchProjection | PlacementProjection, at: string): readonly string[] | undefined => {
    if (item.traits) return item.traits;
    const worker = item.workerId === undefined ? undefined : projections.workers.get(item.workerId);
    return worker ? traitsOf(worker, vietnamDayOf(new Date(at))) : undefined;
  };
  function* seekers() {
    for (const { worker, count } of projections.cube.values()) {
      if (worker.erased || worker.status !== 'looking') continue;
      if (options.area !== undefined && !inArea(options.area, worker.communeCode, options.areas, worker.formerDistrictCode)) continue;
      yield { traits: traitsOf(worker, options.asOfDay), count };
    }
  }
  return computeExposure({
    jobSeekers: seekers(),
    matches: [...projections.matches.values()].filter((m) => kept(m.vacancyId, m.proposedAt)).map((m) => traits(m, m.proposedAt)),
    placements: [...projections.placements.values()].filter((p) => kept(p.vacancyId, p.hiredAt)).map((p) => traits(p, p.hiredAt)),
  });
}
