/**
 * The new Thái Nguyên province (former Thái Nguyên + Bắc Kạn, from 1 July
 * 2025) lies within this box, with a small margin: its southern tip in Phổ
 * Yên is near 21.32°N, its northern edge in Pác Nặm near 22.72°N; west to
 * about 105.47°E (Đại Từ, Chợ Đồn), east to about 106.25°E (Võ Nhai, Na Rì).
 * Approximate: used to catch swapped or mistyped coordinates.
 */
export const PROVINCE_BOUNDING_BOX = {
  minLat: 21.3,
  maxLat: 22.75,
  minLon: 105.45,
  maxLon: 106.3,
} as const;

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

export const isInProvince = ({ lat, lon }: LatLon): boolean =>
  lat >= PROVINCE_BOUNDING_BOX.minLat &&
  lat <= PROVINCE_BOUNDING_BOX.maxLat &&
  lon >= PROVINCE_BOUNDING_BOX.minLon &&
  lon <= PROVINCE_BOUNDING_BOX.maxLon;
