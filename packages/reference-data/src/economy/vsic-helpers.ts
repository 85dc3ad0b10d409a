import type { ReferenceList } from '../core/reference-list.js';
import type { VsicEntry } from './vsic-list.js';

export function vsicHelpers(list: () => ReferenceList<VsicEntry>) {
  const vsic = (code: string): VsicEntry | undefined => list().get(code);
  const divisionsOf = (section: string): VsicEntry[] => list().items.filter((row) => row.section === section);
  /**
   * The form @ketnoi/contracts' `vsicCode` takes: the section letter, followed
   * by the division for a division ("C", "C26").
   */
  const vsicContractCode = (code: string): string => {
    const row = list().require(code);
    return row.section === undefined ? row.code : `${row.section}${row.code}`;
  };
  return { vsic, divisionsOf, vsicContractCode };
}
