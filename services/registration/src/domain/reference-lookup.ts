/** What registration asks the reference lists; an adapter over @ketnoi/reference-data. */
export interface ReferenceLookup {
  isCccdProvince(code: string): boolean;
  isEthnicGroup(code: string): boolean;
  /** The former district of a commune, or undefined when the commune is unknown; null when it has none. */
  communeDistrict(code: string): string | null | undefined;
  isOccupation(code: string): boolean;
  isSkill(code: string): boolean;
  isCertificate(code: string): boolean;
  /** The code of an ethnic group named in Vietnamese or English, with or without diacritics. */
  ethnicGroupNamed(name: string): string | undefined;
  /** The code of a commune or ward named with or without its type and diacritics. */
  communeNamed(name: string): string | undefined;
}
