import type { LatLon } from './bounding-box.js';

export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Roads in the province's hills and river valleys run longer than the
 * straight line; 1.3 is a common rule-of-thumb detour factor for rural road
 * networks. It is an estimate, not a routed distance.
 */
export const ROAD_FACTOR = 1.3;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance between two points (haversine formula), in km. */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Estimated road distance: haversine × ROAD_FACTOR. */
export const roadKm = (a: LatLon, b: LatLon): number => haversineKm(a, b) * ROAD_FACTOR;
