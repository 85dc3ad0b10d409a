import { notFound } from '@ketnoi/errors';
import type { ReferenceList } from '../core/reference-list.js';
import type { Commune } from './commune-list.js';
import { roadKm } from './distance.js';
import type { IndustrialPark } from './industrial-park-list.js';

/** A place to measure from: a commune or ward (5-digit code) or an industrial park or cluster (kebab-case code). */
export type Place = Commune | IndustrialPark;

export function placeHelpers(communes: () => ReferenceList<Commune>, parks: () => ReferenceList<IndustrialPark>) {
  const commune = (code: string): Commune | undefined => communes().get(code);
  const industrialPark = (code: string): IndustrialPark | undefined => parks().get(code);
  const place = (code: string): Place | undefined => (/^\d+$/.test(code) ? commune(code) : industrialPark(code));
  const requirePlace = (code: string): Place => {
    const found = place(code);
    if (found === undefined) throw notFound(`place ${code}`, { details: { code } });
    return found;
  };
  /**
   * Estimated road distance in km between two places (communes, wards or
   * parks, by code): haversine between their approximate centroids × the
   * road factor. Symmetric; 0 from a place to itself.
   */
  const distanceKm = (a: string, b: string): number => {
    const [first, second] = [requirePlace(a), requirePlace(b)].sort((x, y) => x.code.localeCompare(y.code));
    if (first === undefined || second === undefined || first.code === second.code) return 0;
    return roadKm(first, second);
  };
  /** The industrial parks and clusters in a commune or ward. */
  const parksIn = (communeCode: string): IndustrialPark[] => parks().items.filter((park) => park.commune_code === communeCode);
  return { commune, industrialPark, place, distanceKm, parksIn };
}
