/**
 * The reference lists a vacancy or employer is checked against. Each check
 * answers whether the code exists; the permissive set (contract regexes only)
 * is used where no lists are loaded.
 */
export interface References {
  isOccupation(code: string): boolean;
  isCommune(code: string): boolean;
  /** The commune an industrial park lies in; undefined when the park is unknown. */
  parkCommune(code: string): string | undefined | 'unchecked';
  isSkill(code: string): boolean;
  isCertificate(code: string): boolean;
  isVsic(code: string): boolean;
  /** The commune a place name means ("Phổ Yên", "pho yen"), when exactly one does. */
  communeByName(name: string): string | undefined;
}

export const permissiveReferences: References = {
  isOccupation: () => true,
  isCommune: () => true,
  parkCommune: () => 'unchecked',
  isSkill: () => true,
  isCertificate: () => true,
  isVsic: () => true,
  communeByName: () => undefined,
};
