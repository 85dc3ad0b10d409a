/** What registration asks the reference lists; an adapter over @ketnoi/reference-data. */
export interface ReferenceLookup {
  isCccdProvince(code: string): boolean;
  isEthnicGroup(code: string): boolean;
  /** The former district of a commune, or undefined when the commune is unknown; null when it has none. */
  communeDistrict(code: string): string | null | undefined;
  isOccupation(code: string): boolean;
  isSkill(code: string): boolean;
  isCertificate(code: string): boolean;
}
