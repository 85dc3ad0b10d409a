import { list, type Commune, type IndustrialPark } from '@ketnoi/reference-data';
import type { Random } from '../random/random.js';
import { weighted } from '../random/draw.js';

/** Former districts of the mountains (all of Bắc Kạn, and Định Hóa, Võ Nhai), where most people belong to ethnic minorities. */
const UPLAND_DISTRICTS = new Set(['058', '060', '061', '062', '063', '064', '065', '066', '167', '170']);
/** Former districts around the industrial parks and the cities. */
const INDUSTRIAL_DISTRICTS = new Set(['164', '165', '172', '173']);

export interface DemoPlaces {
  communes: readonly Commune[];
  parks: readonly IndustrialPark[];
  /** Where a worker lives: wards and the communes around the parks are the most populous. */
  homeCommune(random: Random): Commune;
  isUpland(commune: Commune): boolean;
  park(random: Random, kind?: IndustrialPark['kind']): IndustrialPark;
  /** A commune for an employer outside the parks; `near` prefers the lowlands. */
  businessCommune(random: Random, upland?: boolean): Commune;
}

const populationWeight = (commune: Commune, parkCommunes: Set<string>): number => {
  const districts = commune.former_district_codes;
  let weight = commune.type === 'ward' ? 3 : 1;
  if (parkCommunes.has(commune.code)) weight *= 2;
  if (districts.some((d) => INDUSTRIAL_DISTRICTS.has(d))) weight *= 1.6;
  if (districts.every((d) => UPLAND_DISTRICTS.has(d))) weight *= 0.55;
  return weight;
};

/** The province's places (reference-data: 2025 communes and wards, parks), with how people and firms spread over them. */
export function demoPlaces(): DemoPlaces {
  const communes = list('communes').items;
  const parks = list('industrial-parks').items;
  const parkCommunes = new Set(parks.map((p) => p.commune_code));
  const homes = communes.map((c) => [c, populationWeight(c, parkCommunes)] as const);
  const isUpland = (commune: Commune) => commune.former_district_codes.every((d) => UPLAND_DISTRICTS.has(d));
  // Bigger parks employ more: Yên Bình and Điềm Thụy (Samsung's suppliers) first.
  const parkWeight = (p: IndustrialPark) => (p.kind === 'industrial-park' ? 3 : 1) * (['yen-binh', 'diem-thuy'].includes(p.code) ? 2 : 1);
  return {
    communes,
    parks,
    isUpland,
    homeCommune: (random) => weighted(random, homes),
    park: (random, kind) => weighted(random, parks.filter((p) => kind === undefined || p.kind === kind).map((p) => [p, parkWeight(p)] as const)),
    businessCommune: (random, upland = false) =>
      weighted(random, communes.filter((c) => isUpland(c) === upland).map((c) => [c, populationWeight(c, parkCommunes)] as const)),
  };
}
